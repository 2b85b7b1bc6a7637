import { databaseBackends } from '../support/services';
import { TestShop, eventually, startTestShop } from '../support/test-shop';

const BOUNDARY = 'tillbot-test-boundary';

function multipart(fileName: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const payload = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

describe.each(databaseBackends())('catalog import over HTTP (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const upload = async (fileName: string, content: string, query = '') => {
    const body = multipart(fileName, content);
    return shop.api.inject({ method: 'POST', url: `/v1/admin/imports${query}`, payload: body.payload, headers: { ...shop.admin, ...body.headers } });
  };
  const finished = (id: string) =>
    eventually(
      async () => (await shop.api.inject({ method: 'GET', url: `/v1/admin/imports/${id}`, headers: shop.admin })).json(),
      (job: { status: string; problems: unknown[] }) => !['CHECKING', 'IMPORTING'].includes(job.status),
      30_000,
    );

  it('checks, reports the bad rows, and imports the fixed file once', async () => {
    const bad = 'sku,kind,title,price,stock\nHTTP-1,manual,One,1.50,\nHTTP-2,manual,Two,1.5.0,x\n';
    const started = await upload('products.csv', bad);
    expect(started.statusCode).toBe(202);
    const report = await finished(started.json().id);
    expect(report).toMatchObject({ status: 'INVALID', counts: { rows: 2, valid: 1, invalid: 1 } });
    expect(report.problems).toEqual([
      { line: 3, field: 'price', reason: expect.any(String) },
      { line: 3, field: 'stock', reason: expect.any(String) },
    ]);

    const fixed = bad.replace('1.5.0,x', '2.00,3');
    const dry = await finished((await upload('products.csv', fixed, '?dryRun=true')).json().id);
    expect(dry).toMatchObject({ status: 'CHECKED', dryRun: true, counts: { created: 2 } });
    const listed = await shop.api.inject({ method: 'GET', url: '/v1/admin/products?q=HTTP', headers: shop.admin });
    expect(listed.json().total).toBe(0);

    const done = await finished((await upload('products.csv', fixed)).json().id);
    expect(done).toMatchObject({ status: 'DONE', rowsDone: 2, counts: { created: 2 } });
    const again = await finished((await upload('products.csv', fixed)).json().id);
    expect(again).toMatchObject({ status: 'DONE', counts: { created: 0, updated: 0, unchanged: 2 } });
    const products = (await shop.api.inject({ method: 'GET', url: '/v1/admin/products?q=HTTP', headers: shop.admin })).json();
    expect(products.items.map((p: { sku: string; price: { amount: number } }) => [p.sku, p.price.amount]).sort()).toEqual([
      ['HTTP-1', 150],
      ['HTTP-2', 200],
    ]);
  });

  it('refuses other files, strangers and unknown jobs', async () => {
    expect((await upload('products.xlsx', 'x')).statusCode).toBe(400);
    const body = multipart('products.csv', 'sku\n');
    const stranger = await shop.api.inject({ method: 'POST', url: '/v1/admin/imports', payload: body.payload, headers: body.headers });
    expect(stranger.statusCode).toBe(401);
    const missing = await shop.api.inject({ method: 'GET', url: '/v1/admin/imports/00000000-0000-0000-0000-000000000000', headers: shop.admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('IMPORT_NOT_FOUND');
  });
});
