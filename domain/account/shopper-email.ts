import { isEmail } from '../messaging';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { AccountDeps } from './account-deps';

/**
 * A shopper's mail address: their notices go there too when the shop sends mail (null: chat only). Set by the
 * shopper themself; a shopper the shop has never seen is recorded by the same request's sign-in first.
 */
export async function setShopperEmail(
  deps: Pick<AccountDeps, 'uow'>,
  userId: string,
  email: unknown,
): Promise<Result<{ email: string | null }, ValidationError>> {
  let address: string | null = null;
  if (email !== null && email !== '') {
    if (typeof email !== 'string' || !isEmail(email.trim())) return invalid('email', 'must be an e-mail address, or null to stop mail');
    address = email.trim();
  }
  if (!(await deps.uow.run((tx) => tx.users.setEmail(userId, address)))) return invalid('userId', 'unknown shopper');
  return ok({ email: address });
}
