import { databaseBackends } from '../support/services';
import { TestShop, eventually, startTestShop } from '../support/test-shop';

const BOUNDARY = 'tillbot-seller-boundary';
const multipart = (fileName: string, content: string) => ({
  payload: Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
  ),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
});

describe.each(databaseBackends())('sellers over HTTP (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  const A = 7001;
  const B = 7002;
  const stranger = 7003;
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    shop.api.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function approvedSeller(userId: number, shopName: string): Promise<number> {
    const applied = await inject('POST', '/v1/seller/application', shop.shopper(userId), { shopName, contact: `@${shopName}`, description: 'goods' });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'pending', shopName });
    const id: number = applied.json().id;
    // Not yet a seller: the role is the database's, and a pending shop has none.
    expect((await inject('GET', '/v1/seller/products', shop.shopper(userId))).statusCode).toBe(403);
    const approved = await inject('POST', `/v1/admin/sellers/${id}/approve`, shop.admin);
    expect(approved.json()).toMatchObject({ status: 'active', effectiveCommissionBps: 1000 });
    // A second press changes nothing.
    expect((await inject('POST', `/v1/admin/sellers/${id}/approve`, shop.admin)).statusCode).toBe(409);
    return id;
  }

  it('applies, is approved, lists own goods (one by file), and cannot touch another shop’s', async () => {
    const a = await approvedSeller(A, 'Alpha');
    const b = await approvedSeller(B, 'Beta');
    expect((await inject('POST', '/v1/seller/application', shop.shopper(A), { shopName: 'Again', contact: '@again' })).statusCode).toBe(409);

    const made = await inject('POST', '/v1/seller/products', shop.shopper(A), {
      sku: 'TEA-1',
      title: 'Green tea',
      kind: 'manual',
      price: { amount: 1200, currency: 'CNY' },
      stock: 5,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ sellerId: a, sku: 'TEA-1', stock: 5 });
    const productId: number = made.json().id;

    // B uploads a file; the same SKU as A's is B's own product (SKUs are unique per shop).
    const body = multipart('goods.csv', 'sku,kind,title,price,stock\nTEA-1,manual,Black tea,9.90,3\nTEA-2,manual,White tea,19.90,\n');
    const started = await shop.api.inject({
      method: 'POST',
      url: '/v1/seller/imports',
      payload: body.payload,
      headers: { ...shop.shopper(B), ...body.headers },
    });
    expect(started.statusCode).toBe(202);
    const job = await eventually(
      async () => (await inject('GET', `/v1/seller/imports/${started.json().id}`, shop.shopper(B))).json(),
      (j: { status: string }) => !['CHECKING', 'IMPORTING'].includes(j.status),
      30_000,
    );
    expect(job).toMatchObject({ status: 'DONE', counts: { created: 2 } });
    // Another seller's import report is not found.
    expect((await inject('GET', `/v1/seller/imports/${started.json().id}`, shop.shopper(A))).statusCode).toBe(404);
    const bList = (await inject('GET', '/v1/seller/products', shop.shopper(B))).json();
    expect(bList.items.map((p: { sku: string; sellerId: number }) => [p.sku, p.sellerId]).sort()).toEqual([
      ['TEA-1', b],
      ['TEA-2', b],
    ]);

    // B cannot see, change, restock, retext or add codes to A's product: 404, and nothing changed.
    expect((await inject('GET', `/v1/seller/products/${productId}`, shop.shopper(B))).statusCode).toBe(404);
    expect(
      (await inject('PATCH', `/v1/seller/products/${productId}`, shop.shopper(B), { price: { amount: 1, currency: 'CNY' }, visible: false })).statusCode,
    ).toBe(404);
    expect((await inject('PATCH', `/v1/seller/products/${productId}`, shop.shopper(B), { stock: 0 })).statusCode).toBe(404);
    expect((await inject('PUT', `/v1/seller/products/${productId}/texts`, shop.shopper(B), { zh: { title: '偷' } })).statusCode).toBe(404);
    expect((await inject('POST', `/v1/seller/products/${productId}/codes`, shop.shopper(B), { codes: ['X'] })).statusCode).toBe(404);
    const untouched = (await inject('GET', `/v1/seller/products/${productId}`, shop.shopper(A))).json();
    expect(untouched).toMatchObject({ price: { amount: 1200, currency: 'CNY' }, visible: true, stock: 5 });
    // A shopper without a shop is no seller.
    expect((await inject('GET', '/v1/seller/products', shop.shopper(stranger))).statusCode).toBe(403);

    // A hides, reprices and restocks their own.
    const changed = await inject('PATCH', `/v1/seller/products/${productId}`, shop.shopper(A), { price: { amount: 1500, currency: 'CNY' }, stock: 9 });
    expect(changed.json()).toMatchObject({ price: { amount: 1500, currency: 'CNY' }, stock: 9 });

    // Shoppers see the active shops, which shop sells an item, and one shop's shelf.
    const sellers = (await inject('GET', '/v1/sellers', {})).json();
    expect(sellers.items.map((s: { shopName: string }) => s.shopName)).toEqual(expect.arrayContaining(['House', 'Alpha', 'Beta']));
    const card = (await inject('GET', `/v1/products/${productId}`, {})).json();
    expect(card).toMatchObject({ sellerId: a, seller: { id: a, shopName: 'Alpha' } });
    const shelf = (await inject('GET', `/v1/sellers/${b}/products`, {})).json();
    expect(shelf.items.map((p: { sku: string }) => p.sku).sort()).toEqual(['TEA-1', 'TEA-2']);

    // Suspended: no longer a seller, the shop is gone from the list; reinstated: back.
    expect((await inject('POST', `/v1/admin/sellers/${b}/suspend`, shop.admin)).json()).toMatchObject({ status: 'suspended' });
    expect((await inject('GET', '/v1/seller/products', shop.shopper(B))).statusCode).toBe(403);
    expect((await inject('GET', `/v1/sellers/${b}/products`, {})).statusCode).toBe(404);
    expect((await inject('POST', `/v1/admin/sellers/${b}/reinstate`, shop.admin)).json()).toMatchObject({ status: 'active' });
    expect((await inject('POST', '/v1/admin/sellers/1/suspend', shop.admin)).statusCode).toBe(409);

    // Terms: commission in basis points, a window; null back to the default.
    const terms = await inject('PUT', `/v1/admin/sellers/${a}/commission`, shop.admin, { commissionBps: 550, confirmWindowMinutes: 60 });
    expect(terms.json()).toMatchObject({ commissionBps: 550, effectiveCommissionBps: 550, effectiveConfirmWindowMinutes: 60 });
    expect((await inject('PUT', `/v1/admin/sellers/${a}/commission`, shop.admin, { commissionBps: null })).json()).toMatchObject({
      effectiveCommissionBps: 1000,
    });
    expect((await inject('PUT', `/v1/admin/sellers/${a}/commission`, shop.admin, { commissionBps: 10_001 })).statusCode).toBe(400);
  });

  it('admins create shops, refuse applications, and the applicant may apply again', async () => {
    const created = await inject('POST', '/v1/admin/sellers', shop.admin, { shopName: 'Gamma', contact: 'gamma@example.com', telegramUserId: '7010' });
    expect(created.json()).toMatchObject({ status: 'active', telegramUserId: '7010' });
    expect((await inject('GET', '/v1/seller', shop.shopper(7010))).json()).toMatchObject({ shopName: 'Gamma' });

    const applied = (await inject('POST', '/v1/seller/application', shop.shopper(7011), { shopName: 'Delta', contact: '@delta' })).json();
    expect((await inject('GET', '/v1/admin/sellers?status=pending', shop.admin)).json().items.map((s: { id: number }) => s.id)).toContain(applied.id);
    expect((await inject('POST', `/v1/admin/sellers/${applied.id}/reject`, shop.admin)).json()).toMatchObject({ status: 'rejected' });
    expect((await inject('GET', '/v1/seller/application', shop.shopper(7011))).json()).toMatchObject({ status: 'rejected' });
    const again = await inject('POST', '/v1/seller/application', shop.shopper(7011), { shopName: 'Delta II', contact: '@delta' });
    expect(again.json()).toMatchObject({ id: applied.id, status: 'pending', shopName: 'Delta II' });
  });

  it('strangers get 401 on the seller and admin routes', async () => {
    for (const url of ['/v1/seller', '/v1/seller/balance', '/v1/seller/products', '/v1/admin/sellers', '/v1/admin/payouts']) {
      expect((await inject('GET', url, {})).statusCode).toBe(401);
    }
  });
});
