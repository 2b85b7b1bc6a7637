// The repair job's bookkeeping on pay orders: scheduleCheck and the cursor walk of findChecksDue.
import { NewPayment, PaymentRecord } from '../../../domain/payment';
import { databaseBackends } from '../../support/services';
import { MINUTE, T0, at, newPayment } from './support/factories';
import { storeForSuite } from './support/test-store';

type Due = PaymentRecord & { nextCheckAt: Date | null; checkAttempts: number };

describe.each(databaseBackends())('PaymentRepository checks (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  /** Each test its own provider name, so the due sets of the tests never mix. */
  let providerSeq = 0;
  const freshProvider = (): string => `prov-${(providerSeq += 1)}`;
  const insert = async (provider: string, nextCheckAt: Date | null, overrides: Partial<NewPayment> = {}): Promise<PaymentRecord> => {
    const inserted = await inTx((tx) => tx.payments.insert(newPayment({ provider, ...overrides })));
    if (inserted === 'DUPLICATE') throw new Error('unexpected duplicate payment');
    if (nextCheckAt) expect(await inTx((tx) => tx.payments.scheduleCheck(inserted.outTradeNo, nextCheckAt, 1))).toBe(true);
    return inserted;
  };
  const due = (provider: string, now: Date, limit: number, afterId: number): Promise<Due[]> =>
    inTx((tx) => tx.payments.findChecksDue(provider, now, limit, afterId));

  it('starts a new pay order unscheduled and schedules checks only while it is PENDING', async () => {
    const provider = freshProvider();
    const payment = await insert(provider, null, { outTradeNo: 'PAY-C1' });
    expect(await due(provider, T0, 10, 0)).toEqual([{ ...payment, nextCheckAt: null, checkAttempts: 0 }]);
    expect(await inTx((tx) => tx.payments.scheduleCheck('PAY-C1', at(2 * MINUTE), 3))).toBe(true);
    expect(await due(provider, at(2 * MINUTE - 1), 10, 0)).toEqual([]);
    expect(await due(provider, at(2 * MINUTE), 10, 0)).toEqual([{ ...payment, nextCheckAt: at(2 * MINUTE), checkAttempts: 3 }]);
    expect(await inTx((tx) => tx.payments.findByOutTradeNo('PAY-C1'))).toEqual(payment);

    expect(await inTx((tx) => tx.payments.markClosed('PAY-C1'))).toBe(true);
    expect(await inTx((tx) => tx.payments.scheduleCheck('PAY-C1', at(10 * MINUTE), 4))).toBe(false);
    expect(await due(provider, at(60 * MINUTE), 10, 0)).toEqual([]);
    expect(await inTx((tx) => tx.payments.scheduleCheck('PAY-404', at(MINUTE), 1))).toBe(false);
  });

  it('finds only PENDING payments of the provider that are due, unscheduled first, then by (next_check_at, id)', async () => {
    const provider = freshProvider();
    const later = await insert(provider, at(3 * MINUTE));
    const sooner = await insert(provider, at(MINUTE));
    const unscheduled = await insert(provider, null);
    const tieA = await insert(provider, at(2 * MINUTE));
    const tieB = await insert(provider, at(2 * MINUTE));
    await insert(provider, at(9 * MINUTE));
    await insert(freshProvider(), at(MINUTE));
    const paid = await insert(provider, at(MINUTE));
    expect(await inTx((tx) => tx.payments.markSucceeded(paid.outTradeNo, `wx-${paid.outTradeNo}`, at(MINUTE)))).toBe(true);

    const found = await due(provider, at(5 * MINUTE), 10, 0);
    expect(found.map((p) => p.id)).toEqual([unscheduled, sooner, tieA, tieB, later].map((p) => p.id));
    expect(found[1]).toMatchObject({ nextCheckAt: at(MINUTE), checkAttempts: 1, status: 'PENDING' });
    expect((await due(provider, at(5 * MINUTE), 2, 0)).map((p) => p.id)).toEqual([unscheduled.id, sooner.id]);
  });

  describe('a cursor walk with batches of 2 over 5 due payments', () => {
    // Ids deliberately disagree with the check order: a bare `id > cursor` walk would skip the older rows.
    const seed = async (provider: string): Promise<Record<'a' | 'b' | 'c' | 'd' | 'e', PaymentRecord>> => {
      const e = await insert(provider, at(4 * MINUTE));
      const c = await insert(provider, at(2 * MINUTE));
      const a = await insert(provider, null);
      const d = await insert(provider, at(2 * MINUTE));
      const b = await insert(provider, at(MINUTE));
      return { a, b, c, d, e };
    };
    const now = at(10 * MINUTE);

    it('reaches all 5 in order, exactly once, when nothing is rescheduled', async () => {
      const provider = freshProvider();
      const { a, b, c, d, e } = await seed(provider);
      const seen: number[] = [];
      let cursor = 0;
      for (let batch = 0; batch < 10; batch += 1) {
        const page = await due(provider, now, 2, cursor);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((p) => p.id));
        cursor = page[page.length - 1]?.id ?? cursor;
      }
      expect(seen).toEqual([a, b, c, d, e].map((p) => p.id));
    });

    it('reaches all 5 exactly once when each visited payment is rescheduled past now, as the repair job does', async () => {
      const provider = freshProvider();
      const expected = Object.values(await seed(provider));
      const seen: number[] = [];
      let cursor = 0;
      for (let batch = 0; batch < 10; batch += 1) {
        const page = await due(provider, now, 2, cursor);
        if (page.length === 0) break;
        for (const payment of page) {
          seen.push(payment.id);
          const backoff = at(20 * MINUTE + payment.checkAttempts * MINUTE);
          expect(await inTx((tx) => tx.payments.scheduleCheck(payment.outTradeNo, backoff, payment.checkAttempts + 1))).toBe(true);
        }
        cursor = page[page.length - 1]?.id ?? cursor;
      }
      expect([...seen].sort((x, y) => x - y)).toEqual(expected.map((p) => p.id).sort((x, y) => x - y));
      expect(new Set(seen).size).toBe(5);
      expect(await due(provider, now, 10, 0)).toEqual([]);
    });

    it('goes on after a cursor payment that was paid meanwhile', async () => {
      const provider = freshProvider();
      const { a, b, c, d, e } = await seed(provider);
      expect((await due(provider, now, 2, 0)).map((p) => p.id)).toEqual([a.id, b.id]);
      expect(await inTx((tx) => tx.payments.markSucceeded(b.outTradeNo, 'wx-walk-b', now))).toBe(true);
      expect((await due(provider, now, 2, b.id)).map((p) => p.id)).toEqual([c.id, d.id]);
      expect((await due(provider, now, 2, d.id)).map((p) => p.id)).toEqual([e.id]);
    });
  });
});
