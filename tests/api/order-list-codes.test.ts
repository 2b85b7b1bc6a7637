import { TestShop, createProduct, eventually, giveCredit, startTestShop } from '../support/test-shop';

describe('the order list shows the codes bought (sqlite)', () => {
  let shop: TestShop;
  beforeAll(async () => (shop = await startTestShop('sqlite')));
  afterAll(() => shop.close());

  it('a delivered code order carries its codes in GET /v1/orders; an undelivered one none', async () => {
    const key = await createProduct(shop, { sku: 'LIST-KEY', title: 'Key', kind: 'code', price: { amount: 300, currency: 'CNY' } });
    const mug = await createProduct(shop, { sku: 'LIST-MUG', title: 'Mug', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 5 });
    const added = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/products/${key}/codes`,
      headers: shop.admin,
      payload: { codes: ['L-1', 'L-2', 'L-3'] },
    });
    expect(added.statusCode).toBe(201);
    const buyer = 9301;
    await giveCredit(shop, buyer, 5000);
    const place = (items: Array<{ productId: number; quantity: number }>, idem: string) =>
      shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(buyer), 'idempotency-key': idem },
        payload: { items, paymentMethod: 'credit' },
      });
    const codeOrder = (await place([{ productId: key, quantity: 2 }], 'list-codes-0001')).json() as { orderNo: string };
    const mugOrder = (await place([{ productId: mug, quantity: 1 }], 'list-codes-0002')).json() as { orderNo: string };
    type Listed = { orderNo: string; status: string; codes?: string[] };
    const list = await eventually(
      async () => (await shop.api.inject({ method: 'GET', url: '/v1/orders', headers: shop.shopper(buyer) })).json() as { items: Listed[] },
      (body) => body.items.find((o) => o.orderNo === codeOrder.orderNo)?.status === 'DELIVERED',
    );
    const listed = list.items.find((o) => o.orderNo === codeOrder.orderNo);
    expect(listed?.codes?.sort()).toHaveLength(2);
    // The same codes as the single-order view.
    const single = (await shop.api.inject({ method: 'GET', url: `/v1/orders/${codeOrder.orderNo}`, headers: shop.shopper(buyer) })).json() as Listed;
    expect(listed?.codes?.sort()).toEqual(single.codes?.sort());
    expect(list.items.find((o) => o.orderNo === mugOrder.orderNo)?.codes).toBeUndefined();
  });
});
