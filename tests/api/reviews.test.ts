import { createProduct, giveCredit, startTestShop, TestShop } from '../support/test-shop';
import { databaseBackends } from '../support/services';

describe.each(databaseBackends())('reviews (%s)', (backend) => {
  let shop: TestShop;
  let key: number;
  let mug: number;
  let orderNo: string;
  let keyCalls = 0;

  const place = async (userId: number, productId: number, quantity = 1): Promise<{ orderNo: string; status: string }> => {
    const res = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId, `Buyer${userId}`), 'idempotency-key': `review-order-${userId}-${productId}-${(keyCalls += 1)}` },
      payload: { items: [{ productId, quantity }], paymentMethod: 'credit' },
    });
    if (res.statusCode !== 201) throw new Error(`order failed: ${res.body}`);
    await shop.app.pump.flush();
    return res.json() as { orderNo: string; status: string };
  };
  const review = (userId: number, order: string, body: Record<string, unknown>) =>
    shop.api.inject({ method: 'POST', url: `/v1/orders/${order}/reviews`, headers: shop.shopper(userId, `Buyer${userId}`), payload: body });
  const reviewsOf = async (productId: number) => (await shop.api.inject({ method: 'GET', url: `/v1/products/${productId}/reviews` })).json();

  beforeAll(async () => {
    shop = await startTestShop(backend);
    key = await createProduct(shop, { sku: 'REV-KEY', title: 'Game key', kind: 'code', price: { amount: 500, currency: 'CNY' } });
    await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/products/${key}/codes`,
      headers: shop.admin,
      payload: { codes: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5'] },
    });
    mug = await createProduct(shop, { sku: 'REV-MUG', title: 'Mug', kind: 'manual', price: { amount: 300, currency: 'CNY' } });
    for (const user of [9201, 9202, 9203]) await giveCredit(shop, user, 10_000);
    orderNo = (await place(9201, key)).orderNo;
  });
  afterAll(() => shop.close());

  it('takes one review per received line, with stars and words, and shows it on the product', async () => {
    expect(await reviewsOf(key)).toEqual({ count: 0, average: null, recent: [] });
    const written = await review(9201, orderNo, { lineNo: 1, rating: 4, text: '  Arrived at once  ' });
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({ productId: key, author: 'Buyer9201', rating: 4, text: 'Arrived at once' });

    const again = await review(9201, orderNo, { lineNo: 1, rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'REVIEW_EXISTS' } });

    const second = (await place(9202, key)).orderNo;
    expect((await review(9202, second, { lineNo: 1, rating: 5 })).statusCode).toBe(201);
    expect(await reviewsOf(key)).toMatchObject({
      count: 2,
      average: 4.5,
      recent: [
        { rating: 5, text: '' },
        { rating: 4, text: 'Arrived at once' },
      ],
    });
  });

  it('refuses other people’s orders, lines that are not there, what was not received and bad stars', async () => {
    expect((await review(9203, orderNo, { lineNo: 1, rating: 5 })).json()).toMatchObject({ error: { code: 'ORDER_NOT_FOUND' } });
    expect((await review(9201, orderNo, { lineNo: 2, rating: 5 })).json()).toMatchObject({ error: { code: 'ORDER_NOT_FOUND' } });
    expect((await review(9201, 'T000000000000000000000000', { lineNo: 1, rating: 5 })).statusCode).toBe(404);
    const waiting = await place(9203, mug); // a manual product: paid, waiting for a person to fulfil it
    const early = await review(9203, waiting.orderNo, { lineNo: 1, rating: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'REVIEW_NOT_ALLOWED' } });
    for (const rating of [0, 6, 4.5])
      expect((await review(9201, orderNo, { lineNo: 1, rating })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await review(9201, orderNo, { lineNo: 1, rating: 3, text: 'x'.repeat(501) })).statusCode).toBe(400);
  });

  it('lets only one of many simultaneous reviews of a line in', async () => {
    const order = (await place(9203, key)).orderNo;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => review(9203, order, { lineNo: 1, rating: 1 + (i % 5) })));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(9);
    expect((await reviewsOf(key)).count).toBe(3);
  });

  it('lets admins hide an abusive review (out of the average) and show it again', async () => {
    const page = await shop.api.inject({ method: 'GET', url: `/v1/admin/reviews?productId=${key}&pageSize=10`, headers: shop.admin });
    expect(page.json()).toMatchObject({ total: 3, page: 1 });
    const worst = (page.json() as { items: Array<{ id: number; rating: number; userId: string }> }).items.find((r) => r.userId === '9203');
    if (!worst) throw new Error('no review by 9203');
    const before = await reviewsOf(key);
    const hidden = await shop.api.inject({ method: 'POST', url: `/v1/admin/reviews/${worst.id}/hide`, headers: shop.admin });
    expect(hidden.json()).toMatchObject({ id: worst.id, hidden: true });
    expect(await reviewsOf(key)).toMatchObject({ count: 2, average: 4.5 });
    expect((await reviewsOf(key)).recent.map((r: { id: number }) => r.id)).not.toContain(worst.id);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/admin/reviews?hidden=true', headers: shop.admin })).json()).toMatchObject({
      total: 1,
      items: [{ id: worst.id }],
    });
    // Twice is the same as once.
    expect((await shop.api.inject({ method: 'POST', url: `/v1/admin/reviews/${worst.id}/hide`, headers: shop.admin })).statusCode).toBe(200);
    await shop.api.inject({ method: 'POST', url: `/v1/admin/reviews/${worst.id}/show`, headers: shop.admin });
    expect(await reviewsOf(key)).toEqual(before);
    expect((await shop.api.inject({ method: 'POST', url: '/v1/admin/reviews/999999/hide', headers: shop.admin })).statusCode).toBe(404);
    expect((await shop.api.inject({ method: 'POST', url: `/v1/admin/reviews/${worst.id}/hide`, headers: shop.shopper(9203) })).statusCode).toBe(401);
  });
});
