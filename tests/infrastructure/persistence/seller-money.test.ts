import { clawBackRefund, creditSale, sellersContext } from '../../../domain/sellers';
import { systemClock } from '../../../domain/shared/clock';
import { DEFAULT_LIMITS } from '../../../domain/shared/limits';
import { randomIds } from '../../../infrastructure/ids/random-ids';
import { databaseBackends } from '../../support/services';
import { T0 } from './support/factories';
import { storeForSuite } from './support/test-store';

// The seller money's once-only rules hold on the real engines under concurrency: the ledger's unique keys and the
// balance's conditional UPDATE decide, not a read before the write.
describe.each(databaseBackends())('seller money (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const limits = { ...DEFAULT_LIMITS, sellerCommissionBps: 1000 };
  const sellers = () => sellersContext({ uow: suite.store.persistence.uow, clock: systemClock, ids: randomIds, limits });
  let next = 0;

  async function newSeller(commissionBps: number | null = null): Promise<number> {
    next += 1;
    const seller = await inTx((tx) =>
      tx.sellers.insert(
        {
          telegramUserId: `${900 + next}`,
          shopName: `Shop ${next}`,
          contact: '@c',
          description: '',
          email: null,
          status: 'active',
          commissionBps,
          confirmWindowMinutes: null,
          autoConfirm: false,
        },
        T0,
      ),
    );
    if (seller === 'TELEGRAM_USER_TAKEN') throw new Error('taken');
    return seller.id;
  }
  const balanceOf = async (id: number) => (await inTx((tx) => tx.sellerMoney.balance(id)))?.balance;
  const ledgerOf = (id: number) => inTx((tx) => tx.sellerMoney.ledger(id, { limit: 100 }));

  it('credits a sale once when ten transactions credit it at the same time, minus exactly the commission', async () => {
    const id = await newSeller(550);
    const sale = { sellerId: id, orderNo: 'T2026SALE0001', grossMinor: 10_001, currency: 'CNY', at: T0 };
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => inTx((tx) => creditSale(tx, sale, limits))));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    // 5.5 % of 100.01 is 5.50055: 550 kept (rounded down), 9451 credited.
    expect(await balanceOf(id)).toBe(9451);
    expect((await ledgerOf(id)).map((e) => [e.kind, e.amount, e.commission, e.orderNo])).toEqual([['sale', 9451, 550, 'T2026SALE0001']]);
    // The platform default applies when the seller has none.
    const other = await newSeller(null);
    expect(await inTx((tx) => creditSale(tx, { ...sale, sellerId: other }, limits))).toBe(true);
    expect(await balanceOf(other)).toBe(10_001 - 1000);
  });

  it('takes a refund back once per refund, in proportion, and may leave a debt', async () => {
    const id = await newSeller(1000);
    await inTx((tx) => creditSale(tx, { sellerId: id, orderNo: 'T2026CLAW0001', grossMinor: 2000, currency: 'CNY', at: T0 }, limits));
    expect(await balanceOf(id)).toBe(1800);
    const payout = await sellers().requestPayout(id, { amount: 1800 });
    expect(payout.ok).toBe(true);
    const claw = { sellerId: id, orderNo: 'T2026CLAW0001', refundMinor: 1000, refundRef: 'R1', at: T0 };
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => inTx((tx) => clawBackRefund(tx, claw))));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    // Half the order back: half the net (900) from the seller, half the commission (100) from the platform.
    expect(await balanceOf(id)).toBe(-900);
    expect((await inTx((tx) => tx.sellerMoney.debts(10))).map((d) => [d.sellerId, d.balance])).toContainEqual([id, -900]);
    // A second refund of the same order is its own; one never credited has nothing to take back.
    expect(await inTx((tx) => clawBackRefund(tx, { ...claw, refundRef: 'R2' }))).toBe(true);
    expect(await balanceOf(id)).toBe(-1800);
    expect(await inTx((tx) => clawBackRefund(tx, { ...claw, orderNo: 'T2026NEVER', refundRef: 'R3' }))).toBe(false);
  });

  it('never pays out more than the balance, and records each payout paid once', async () => {
    const id = await newSeller(0);
    await inTx((tx) => creditSale(tx, { sellerId: id, orderNo: 'T2026PAY0001', grossMinor: 1000, currency: 'CNY', at: T0 }, limits));
    const requests = await Promise.all(Array.from({ length: 10 }, () => sellers().requestPayout(id, { amount: 600 })));
    const granted = requests.filter((r) => r.ok);
    expect(granted).toHaveLength(1);
    expect(requests.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(9).fill('PAYOUT_NOT_COVERED'));
    expect(await balanceOf(id)).toBe(400);
    const payoutId = granted[0]?.ok ? granted[0].value.id : '';
    const paid = await Promise.all(Array.from({ length: 10 }, () => sellers().markPayoutPaid(id, payoutId, { reference: 'BANK-1' })));
    expect(paid.filter((r) => r.ok)).toHaveLength(1);
    expect(paid.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(9).fill('PAYOUT_NOT_FOUND'));
    // Paid cannot be cancelled; another shop's payout id is not found.
    expect((await sellers().cancelPayout(id, payoutId)).ok).toBe(false);
    const other = await newSeller();
    expect((await sellers().markPayoutPaid(other, payoutId, { reference: 'X' })).ok).toBe(false);
    // A cancelled request gives the amount back, once.
    const second = await sellers().requestPayout(id, { amount: 400 });
    expect(await balanceOf(id)).toBe(0);
    const secondId = second.ok ? second.value.id : '';
    const cancels = await Promise.all(Array.from({ length: 5 }, () => sellers().cancelPayout(id, secondId)));
    expect(cancels.filter((r) => r.ok)).toHaveLength(1);
    expect(await balanceOf(id)).toBe(400);
    const ledger = await ledgerOf(id);
    expect(ledger.reduce((sum, e) => sum + e.amount, 0)).toBe(400);
    const view = await sellers().getSellerBalance(id, { limit: 2 });
    expect(view.ok && view.value.ledger.length === 2 && view.value.nextBeforeId !== null).toBe(true);
  });

  it('decides on a shop once when admins press at the same time, and the applicant hears it once', async () => {
    const applied = await sellers().applyToSell(`${8800 + next}`, { shopName: 'Racing', contact: '@racing' });
    if (!applied.ok) throw new Error(applied.error.message);
    const id = applied.value.id;
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => sellers().decideSeller(id, i % 2 === 0 ? 'approve' : 'reject')));
    const won = decisions.filter((d) => d.ok);
    expect(won).toHaveLength(1);
    expect(decisions.filter((d) => !d.ok).map((d) => (d.ok ? '' : d.error.code))).toEqual(Array(9).fill('SELLER_STATE_CONFLICT'));
    const notices: Array<{ topic: string }> = await suite.store.persistence.dataSource.query(
      "SELECT topic FROM outbox WHERE topic = 'notify.seller' AND payload LIKE ?",
      [`%"sellerId":${id},%`],
    );
    expect(notices).toHaveLength(1);
  });

  it('keeps the books: Σ ledger = balance for every shop and each payout matched by its lines; a tampered balance shows', async () => {
    const books = await sellers().sellerBooks();
    expect(books.mismatches).toEqual([]);
    expect(books.payoutMismatches).toEqual([]);
    const { totals } = books;
    expect(totals.balances).toBe(totals.sales + totals.clawbacks - totals.payoutsRequested - totals.payoutsPaid);
    const id = await newSeller();
    await suite.store.persistence.dataSource.query('UPDATE seller_balances SET balance_minor = 5 WHERE seller_id = ?', [id]);
    expect((await sellers().sellerBooks()).mismatches).toEqual([{ sellerId: id, balance: 5, ledger: 0 }]);
    await suite.store.persistence.dataSource.query('UPDATE seller_balances SET balance_minor = 0 WHERE seller_id = ?', [id]);
  });
});
