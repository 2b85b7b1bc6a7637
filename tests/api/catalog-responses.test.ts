import { databaseBackends } from '../support/services';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

// The catalog's HTTP bodies are kept for a minute here, so only the change notices can make an answer fresh.
describe.each(databaseBackends())('catalog answers kept as sent, fresh after every product change (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend, { CATALOG_CACHE_MS: '60000' });
  });
  afterAll(() => shop.close());

  const get = (url: string, headers: Record<string, string> = {}) => shop.api.inject({ method: 'GET', url, headers });

  it('sends the same body and ETag again, 304 to If-None-Match, and the new body after an admin change or a sale', async () => {
    const id = await createProduct(shop, { sku: 'KEPT-1', kind: 'manual', title: 'Kept', price: { amount: 500, currency: 'CNY' }, stock: 5 });
    const first = await get(`/v1/products/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id, title: 'Kept', stock: 5, price: { amount: 500 } });
    const etag = String(first.headers.etag);
    const again = await get(`/v1/products/${id}`);
    expect([again.body, again.headers.etag]).toEqual([first.body, etag]);
    const notModified = await get(`/v1/products/${id}`, { 'if-none-match': etag });
    expect([notModified.statusCode, notModified.body]).toEqual([304, '']);
    const list = await get('/v1/products');
    expect(list.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id, price: { amount: 500, currency: 'CNY' } })]));

    const patched = await shop.api.inject({
      method: 'PATCH',
      url: `/v1/admin/products/${id}`,
      headers: shop.admin,
      payload: { price: { amount: 700, currency: 'CNY' } },
    });
    expect(patched.statusCode).toBe(200);
    const fresh = await get(`/v1/products/${id}`, { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ price: { amount: 700 } });
    expect(fresh.headers.etag).not.toBe(etag);
    expect((await get('/v1/products')).json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, price: { amount: 700, currency: 'CNY' } })]),
    );

    // A sale moves the stock: the shown stock follows without waiting for the minute.
    const user = 7001;
    const order = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(user), 'idempotency-key': 'kept-order-0001' },
      payload: { items: [{ productId: id, quantity: 2 }], paymentMethod: 'wechatpay' },
    });
    expect([order.statusCode, order.body]).toEqual([201, expect.any(String)]);
    expect((await get(`/v1/products/${id}`)).json()).toMatchObject({ stock: 3 });
  });

  it('keeps one body per language asked', async () => {
    const id = await createProduct(shop, { sku: 'KEPT-2', kind: 'manual', title: 'Pass', price: { amount: 990, currency: 'CNY' } });
    const put = await shop.api.inject({ method: 'PUT', url: `/v1/admin/products/${id}/texts`, headers: shop.admin, payload: { zh: { title: '月卡' } } });
    expect(put.statusCode).toBe(200);
    expect((await get(`/v1/products/${id}`)).json()).toMatchObject({ title: 'Pass' });
    expect((await get(`/v1/products/${id}`, { 'accept-language': 'zh-CN' })).json()).toMatchObject({ title: '月卡' });
    expect((await get(`/v1/products/${id}?lang=zh`)).json()).toMatchObject({ title: '月卡' });
    expect((await get(`/v1/products/${id}`)).json()).toMatchObject({ title: 'Pass' });
  });
});
