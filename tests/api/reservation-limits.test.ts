// Issue 11 item 1 at the door: the hoarding attack (reserve the whole stock, cancel, reserve again at once) is refused
// with stable codes — RESERVATION_LIMIT (409) and CANCEL_COOLDOWN (429 with Retry-After) — on both databases.
import { databaseBackends } from '../support/services';
import { TestShop, createProduct, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('reservation limits over HTTP (%s)', (backend) => {
  let shop: TestShop;
  let scarce: number;
  beforeAll(async () => {
    shop = await startTestShop(backend, { MAX_RESERVED_PER_PRODUCT: '4', MAX_RESERVED_UNITS: '6', CANCEL_COOLDOWN_SECONDS: '600' });
    scarce = await createProduct(shop, { sku: 'SCARCE', title: 'Only ten', kind: 'manual', price: { amount: 700, currency: 'CNY' }, stock: 10 });
  });
  afterAll(() => shop.close());

  const place = (userId: number, key: string, quantity: number) =>
    shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': key },
      payload: { items: [{ productId: scarce, quantity }], paymentMethod: 'wechatpay' },
    });

  it('one shopper cannot take the stock, nor take it back at once after cancelling', async () => {
    expect((await place(9801, 'hoard-key-00001', 10)).json()).toMatchObject({ error: { code: 'RESERVATION_LIMIT', details: { limit: 4 } } });
    const held = await place(9801, 'hoard-key-00002', 4);
    expect(held.statusCode).toBe(201);
    const more = await place(9801, 'hoard-key-00003', 1);
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ error: { code: 'RESERVATION_LIMIT', details: { productId: scarce, limit: 4 } } });

    const cancelled = await shop.api.inject({ method: 'POST', url: `/v1/orders/${held.json().orderNo}/cancel`, headers: shop.shopper(9801) });
    expect(cancelled.statusCode).toBe(200);
    const again = await place(9801, 'hoard-key-00004', 4);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ error: { code: 'CANCEL_COOLDOWN', details: { productId: scarce, limit: 4 } } });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(590);

    // The stock the hoarder let go is there for others.
    expect((await place(9802, 'other-key-00001', 4)).statusCode).toBe(201);
    expect((await place(9803, 'other-key-00002', 4)).statusCode).toBe(201);
  });
});
