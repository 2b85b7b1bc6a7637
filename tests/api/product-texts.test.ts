import { databaseBackends } from '../support/services';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('product texts per language over HTTP (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend);
  });
  afterAll(() => shop.close());

  it('shows the asked language, falls back to the default, and searches every language', async () => {
    const id = await createProduct(shop, {
      sku: 'TEXTS-1',
      kind: 'manual',
      title: 'Monthly pass',
      description: 'Thirty days',
      price: { amount: 990, currency: 'CNY' },
    });
    const put = await shop.api.inject({
      method: 'PUT',
      url: `/v1/admin/products/${id}/texts`,
      headers: shop.admin,
      payload: { zh: { title: '会员月卡', description: '三十天' }, ru: { title: 'Месячный абонемент' } },
    });
    expect(put.statusCode).toBe(200);
    const get = (url: string, headers: Record<string, string> = {}) => shop.api.inject({ method: 'GET', url, headers }).then((r) => r.json());
    expect(await get(`/v1/products/${id}?lang=zh`)).toMatchObject({ title: '会员月卡', description: '三十天' });
    expect(await get(`/v1/products/${id}`, { 'accept-language': 'ru-RU,ru;q=0.9' })).toMatchObject({ title: 'Месячный абонемент', description: 'Thirty days' });
    expect(await get(`/v1/products/${id}`, { 'accept-language': 'de' })).toMatchObject({ title: 'Monthly pass' });
    expect((await get('/v1/products?q=月卡&lang=en')).items).toEqual([expect.objectContaining({ id, title: 'Monthly pass' })]);
    expect((await get('/v1/products?q=абонемент', { 'accept-language': 'zh' })).items).toEqual([expect.objectContaining({ id, title: '会员月卡' })]);

    const cleared = await shop.api.inject({ method: 'PUT', url: `/v1/admin/products/${id}/texts`, headers: shop.admin, payload: {} });
    expect(cleared.statusCode).toBe(200);
    expect((await get('/v1/products?q=月卡')).total).toBe(0);
    const missing = await shop.api.inject({ method: 'PUT', url: '/v1/admin/products/999999/texts', headers: shop.admin, payload: {} });
    expect(missing.statusCode).toBe(404);
  });
});
