import { emailAddressOf } from '../shared/email-address';
import { DomainError, Result, fail, ok } from '../shared/result';
import { AccountDeps } from './account-deps';

export type SetEmailError = DomainError<'VALIDATION_FAILED' | 'NOT_FOUND'>;

/**
 * The address the shop mails this person's notices to (orders, refunds, replies), or null to stop mail. Nothing is
 * sent to confirm it: a shopper who mistyped gets no mail, which is what they would have had without one.
 */
export async function setEmail(deps: AccountDeps, userId: string, written: string | null): Promise<Result<string | null, SetEmailError>> {
  const email = written === null || written.trim() === '' ? null : emailAddressOf(written);
  if (email === null && written !== null && written.trim() !== '') return fail('VALIDATION_FAILED', 'email: not an e-mail address');
  const saved = await deps.uow.run((tx) => tx.users.setEmail(userId, email));
  return saved ? ok(email) : fail('NOT_FOUND', `no shopper ${userId}`);
}

export async function emailOf(deps: AccountDeps, userId: string): Promise<string | null> {
  return deps.uow.read((tx) => tx.users.email(userId));
}
