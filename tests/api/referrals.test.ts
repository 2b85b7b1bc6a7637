import { createProduct, giveCredit, reconcileShop, startTestShop, TestShop } from '../support/test-shop';
import { databaseBackends } from '../support/services';

const HOUR = 3_600_000;

describe.each(databaseBackends())('referrals (%s)', (backend) => {
  let shop: TestShop;
  let key: number;
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };
  let orders = 0;

  beforeAll(async () => {
    shop = await startTestShop(
      backend,
      { REFERRAL_REFERRER_CREDIT: '500', REFERRAL_REFEREE_CREDIT: '300', REFERRAL_GRACE_HOURS: '72', REFERRAL_MAX_PER_REFERRER: '2', REFERRAL_MAX_TOTAL: '0' },
      { clock },
    );
    key = await createProduct(shop, { sku: 'REF-KEY', title: 'Key', kind: 'code', price: { amount: 1000, currency: 'CNY' } });
    await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/products/${key}/codes`,
      headers: shop.admin,
      payload: { codes: Array.from({ length: 10 }, (_, i) => `REF-${i}`) },
    });
  });
  afterAll(() => shop.close());

  const info = async (userId: number) => (await shop.api.inject({ method: 'GET', url: '/v1/referrals', headers: shop.shopper(userId) })).json();
  const link = (userId: number, code: string) =>
    shop.api.inject({ method: 'POST', url: '/v1/referrals/link', headers: shop.shopper(userId), payload: { code } });
  const buy = async (userId: number): Promise<string> => {
    await giveCredit(shop, userId, 1000);
    const res = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(userId), 'idempotency-key': `referral-order-${(orders += 1)}` },
      payload: { items: [{ productId: key, quantity: 1 }], paymentMethod: 'credit' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    await shop.app.pump.flush();
    return (res.json() as { orderNo: string }).orderNo;
  };
  const runJob = async () => {
    const ran = await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/reward-referrals/run', headers: shop.admin });
    expect(ran.json()).toMatchObject({ ok: true });
    await shop.app.pump.flush();
    return (ran.json() as { result: Record<string, number> }).result;
  };
  const referralEntries = async (userId: number) =>
    (
      (await shop.api.inject({ method: 'GET', url: `/v1/admin/accounts/${userId}`, headers: shop.admin })).json() as {
        ledger: Array<{ kind: string; amount: number; reason: string }>;
      }
    ).ledger.filter((e) => e.kind === 'REFERRAL');

  it('links a new shopper to who invited them, and refuses oneself, a second link, old shoppers, loops and unknown codes', async () => {
    const alice = await info(9301);
    expect(alice).toMatchObject({ code: expect.stringMatching(/^ref_[0-9a-z]+$/), invited: 0, invitedBy: null, terms: { graceHours: 72, maxPerReferrer: 2 } });
    const linked = await link(9302, alice.code);
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ invitedBy: { referrerId: '9301', status: 'PENDING' } });
    expect((await info(9301)).invited).toBe(1);

    expect((await link(9301, alice.code)).json()).toMatchObject({ error: { code: 'REFERRAL_SELF' } });
    expect((await link(9302, alice.code)).json()).toMatchObject({ error: { code: 'REFERRAL_EXISTS' } });
    // Bob was invited by Alice: Alice (new, never ordered) taking Bob's code would close the loop.
    expect((await link(9301, (await info(9302)).code)).json()).toMatchObject({ error: { code: 'REFERRAL_LOOP' } });
    await buy(9309);
    expect((await link(9309, alice.code)).json()).toMatchObject({ error: { code: 'REFERRAL_NOT_NEW' } });
    const unknown = await link(9303, 'ref_zzzzzzzzzz');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'REFERRAL_CODE_UNKNOWN' } });
    expect((await link(9303, 'hello')).statusCode).toBe(404);
  });

  it('pays both once after the first delivered order outlives the grace period; a refund inside it pays nothing', async () => {
    const code = (await info(9301)).code;
    expect((await link(9304, code)).statusCode).toBe(200);
    await buy(9302);
    const refundedOrder = await buy(9304);
    expect(await runJob()).toEqual({ rewarded: 0, voided: 0, capped: 0 }); // inside the grace period

    ahead += 24 * HOUR;
    const refund = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/orders/${refundedOrder}/refunds`,
      headers: shop.admin,
      payload: { reason: 'did not work' },
    });
    expect(refund.statusCode).toBeLessThan(300);
    await shop.app.pump.flush();

    ahead += 49 * HOUR;
    expect(await runJob()).toEqual({ rewarded: 1, voided: 1, capped: 0 });
    expect(await runJob()).toEqual({ rewarded: 0, voided: 0, capped: 0 });
    expect((await referralEntries(9301)).map((e) => e.amount)).toEqual([500]);
    expect((await referralEntries(9302)).map((e) => e.amount)).toEqual([300]);
    expect((await referralEntries(9301))[0]?.reason).toContain('invited');
    expect(await referralEntries(9304)).toEqual([]);
    expect((await info(9304)).invitedBy).toEqual({ referrerId: '9301', status: 'VOID' });
    expect(await info(9301)).toMatchObject({ invited: 2, rewarded: 1, earned: { amount: 500 } });
  });

  it('stops at the per-referrer cap, and reconcile stays clean', async () => {
    const code = (await info(9301)).code;
    for (const user of [9305, 9306]) expect((await link(user, code)).statusCode).toBe(200);
    await buy(9305);
    ahead += HOUR;
    await buy(9306);
    ahead += 73 * HOUR;
    expect(await runJob()).toEqual({ rewarded: 1, voided: 0, capped: 1 });
    expect((await referralEntries(9301)).map((e) => e.amount)).toEqual([500, 500]);
    expect(await referralEntries(9306)).toEqual([]);
    expect((await info(9306)).invitedBy).toMatchObject({ status: 'CAPPED' });
    expect(await reconcileShop(shop)).toEqual([]);
  });
  it('reconcile stays clean with coupons, referral credit and refunds mixed', async () => {
    const issued = await shop.api.inject({
      method: 'POST',
      url: '/v1/admin/coupons',
      headers: shop.admin,
      payload: { code: 'REFMIX', kind: 'percent', value: 2500 },
    });
    expect(issued.statusCode).toBe(201);
    const buyWith = async (userId: number, credit: number): Promise<{ orderNo: string; total: number }> => {
      if (credit > 0) await giveCredit(shop, userId, credit);
      const res = await shop.api.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...shop.shopper(userId), 'idempotency-key': `referral-order-${(orders += 1)}` },
        payload: { items: [{ productId: key, quantity: 1 }], paymentMethod: 'credit', coupon: 'refmix' },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      await shop.app.pump.flush();
      const body = res.json() as { orderNo: string; total: { amount: number } };
      return { orderNo: body.orderNo, total: body.total.amount };
    };
    // A new referrer and the shopper they invite: the invitee's first order is discounted, delivered, and holds.
    const code = (await info(9320)).code;
    expect((await link(9321, code)).statusCode).toBe(200);
    const first = await buyWith(9321, 750);
    expect(first.total).toBe(750);
    ahead += 73 * HOUR;
    expect(await runJob()).toMatchObject({ rewarded: 1 });
    expect((await referralEntries(9320)).map((e) => e.amount)).toEqual([500]);
    expect((await referralEntries(9321)).map((e) => e.amount)).toEqual([300]);
    // Both spend what the referral gave them (topped up) on discounted orders; one of those is refunded in part, then in full.
    const spent = await buyWith(9320, 250);
    const second = await buyWith(9321, 450);
    const refund = (orderNo: string, amount?: number) =>
      shop.api.inject({
        method: 'POST',
        url: `/v1/admin/orders/${orderNo}/refunds`,
        headers: shop.admin,
        payload: { ...(amount === undefined ? {} : { amount }), reason: 'mixed' },
      });
    expect((await refund(second.orderNo, 200)).statusCode).toBeLessThan(300);
    expect((await refund(second.orderNo)).statusCode).toBeLessThan(300);
    // Nothing more than was paid comes back.
    expect((await refund(second.orderNo, 1)).statusCode).toBeGreaterThanOrEqual(400);
    await shop.app.pump.flush();
    expect(spent.total).toBe(750);
    expect(await reconcileShop(shop)).toEqual([]);
  });
});
