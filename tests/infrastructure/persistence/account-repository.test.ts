import { minor } from '../../../domain/shared/money';
import { LedgerKind, Posting } from '../../../domain/account';
import { databaseBackends } from '../../support/services';
import { T0, at } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('AccountRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const posting = (userId: string, amount: number, reference: string, kind: LedgerKind = amount >= 0 ? 'TOP_UP' : 'PURCHASE'): Posting => ({
    userId,
    amount: minor(amount),
    currency: 'CNY',
    kind,
    reason: `${kind} ${reference}`,
    reference,
    at: T0,
  });
  const post = (p: Posting) => inTx((tx) => tx.accounts.post(p));
  const ledgerSum = async (userId: string): Promise<number> =>
    (await inTx((tx) => tx.accounts.ledger(userId, 10_000))).reduce((sum, entry) => sum + entry.amount, 0);

  it('opens the account on its first posting and records the balance after each entry', async () => {
    expect(await inTx((tx) => tx.accounts.find('acc-1'))).toBeNull();
    const topUp = await post(posting('acc-1', 5000, 'order:T1:topup'));
    expect(topUp).toMatchObject({
      status: 'APPLIED',
      entry: { userId: 'acc-1', amount: 5000, balanceAfter: 5000, kind: 'TOP_UP', reference: 'order:T1:topup', createdAt: T0 },
    });
    const spend = await post({ ...posting('acc-1', -1200, 'order:T2:pay'), at: at(1000) });
    expect(spend).toMatchObject({ status: 'APPLIED', entry: { amount: -1200, balanceAfter: 3800, createdAt: at(1000) } });
    expect(await inTx((tx) => tx.accounts.find('acc-1'))).toEqual({ userId: 'acc-1', balance: 3800, currency: 'CNY' });
  });

  it('refuses a debit that would take the balance below zero, and changes nothing', async () => {
    await post(posting('acc-2', 1000, 'topup-1'));
    expect(await post(posting('acc-2', -1001, 'pay-1'))).toEqual({ status: 'INSUFFICIENT_FUNDS', balance: 1000 });
    expect(await post(posting('acc-3-new', -1, 'pay-1'))).toEqual({ status: 'INSUFFICIENT_FUNDS', balance: 0 });
    expect(await post(posting('acc-2', -1000, 'pay-2'))).toMatchObject({ status: 'APPLIED', entry: { balanceAfter: 0 } });
    expect(await inTx((tx) => tx.accounts.findEntry('acc-2', 'pay-1'))).toBeNull();
    expect((await inTx((tx) => tx.accounts.find('acc-2')))?.balance).toBe(0);
  });

  it('posts a reference once: the second posting returns the first entry and leaves the balance alone', async () => {
    const first = await post(posting('acc-4', 700, 'order:T9:topup'));
    const again = await post({ ...posting('acc-4', 700, 'order:T9:topup'), reason: 'retried delivery' });
    expect(first.status).toBe('APPLIED');
    expect(again).toEqual({ status: 'DUPLICATE_REFERENCE', entry: first.status === 'APPLIED' ? first.entry : null });
    expect((await inTx((tx) => tx.accounts.find('acc-4')))?.balance).toBe(700);
    // The same reference on another account is another posting.
    expect((await post(posting('acc-5', 700, 'order:T9:topup'))).status).toBe('APPLIED');
  });

  it('keeps Σ ledger = balance through a mixed history, newest entries first', async () => {
    const amounts = [1000, -300, 250, -950, 5, -6, 1];
    for (const [i, amount] of amounts.entries()) await post(posting('acc-6', amount, `mix-${i}`));
    const ledger = await inTx((tx) => tx.accounts.ledger('acc-6', 100));
    expect(ledger.map((e) => e.reference)).toEqual(['mix-6', 'mix-4', 'mix-3', 'mix-2', 'mix-1', 'mix-0']);
    expect(ledger[0]?.balanceAfter).toBe((await inTx((tx) => tx.accounts.find('acc-6')))?.balance);
    // -6 was refused (balance 5), everything else applied.
    expect((await inTx((tx) => tx.accounts.find('acc-6')))?.balance).toBe(6);
    expect(await ledgerSum('acc-6')).toBe(6);
    expect(await inTx((tx) => tx.accounts.ledger('acc-6', 2))).toHaveLength(2);
  });

  it('rolls the balance back with the transaction that posted', async () => {
    await post(posting('acc-7', 100, 'base'));
    await expect(
      inTx(async (tx) => {
        await tx.accounts.post(posting('acc-7', -60, 'then-fail'));
        throw new Error('delivery failed after the debit');
      }),
    ).rejects.toThrow('delivery failed');
    expect((await inTx((tx) => tx.accounts.find('acc-7')))?.balance).toBe(100);
    expect(await inTx((tx) => tx.accounts.findEntry('acc-7', 'then-fail'))).toBeNull();
  });

  it('refuses a posting in another currency than the account’s', async () => {
    await post(posting('acc-8', 100, 'cny'));
    await expect(post({ ...posting('acc-8', 100, 'usd'), currency: 'USD' })).rejects.toThrow(/holds CNY/);
  });
});
