import { shopperNotice } from '../messaging';
import { MAX_AMOUNT } from '../shared/limits';
import { minor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, text } from '../shared/validation';
import { AccountDeps } from './account-deps';
import { LedgerEntry } from './account-repository';

export interface AdjustCredit {
  userId: unknown;
  amount: unknown;
  reason: unknown;
  /** Makes a retried request post once; generated when absent. */
  reference?: string;
}

export type AdjustCreditError = ValidationError | DomainError<'INSUFFICIENT_CREDIT' | 'NOT_FOUND'>;

/** An admin's signed adjustment, with a reason, as one ledger entry. A debit never takes the balance below zero. */
export async function adjustCredit(deps: AccountDeps, cmd: AdjustCredit): Promise<Result<LedgerEntry, AdjustCreditError>> {
  if (typeof cmd.userId !== 'string' || !/^\d{1,20}$/.test(cmd.userId)) return invalid('userId', 'must be a Telegram user id (digits)');
  const userId = cmd.userId;
  if (typeof cmd.amount !== 'number' || !Number.isSafeInteger(cmd.amount) || cmd.amount === 0)
    return invalid('amount', 'must be a non-zero integer (minor units)');
  if (Math.abs(cmd.amount) > MAX_AMOUNT) return invalid('amount', `must be at most ${MAX_AMOUNT} in size`);
  const amount = minor(cmd.amount);
  const reason = text('reason', cmd.reason, 1, 200);
  if (!reason.ok) return reason;
  const reference = cmd.reference !== undefined ? `adj:${cmd.reference}` : `adj:${deps.ids.uuid()}`;
  return deps.uow.run(async (tx) => {
    const shopper = await tx.users.find(userId);
    if (!shopper) return fail('NOT_FOUND', `no shopper ${userId} (they must open the shop once first)`);
    const now = deps.clock.now();
    const posted = await tx.accounts.post({ userId, amount, currency: deps.limits.currency, kind: 'ADJUSTMENT', reason: reason.value, reference, at: now });
    if (posted.status === 'INSUFFICIENT_FUNDS')
      return fail('INSUFFICIENT_CREDIT', `the balance is ${posted.balance}; it cannot go below zero`, { balance: posted.balance });
    if (posted.status === 'APPLIED') await tx.outbox.enqueue([shopperNotice({ userId, event: 'CREDIT_ADJUSTED', amount }, reference)], now);
    return ok(posted.entry);
  });
}
