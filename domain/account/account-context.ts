import { defineContext } from '../shared/context';
import { AccountDeps } from './account-deps';
import { AdjustCredit, adjustCredit } from './adjust-credit';
import { shopperIdentifier } from './identify-shopper';
import { chatReachable, markChatUnreachable } from './shopper-chat';
import { emailOf, setEmail } from './shopper-email';
import { chooseLanguage, preferredLanguage, shopperIds } from './shopper-preferences';
import { getShippingAddress, saveShippingAddress } from './shipping-addresses';
import { getAccount, getLedger } from './view-account';
import { getCheckoutLockout, liftCheckoutLockout, pruneCheckoutFailures } from './manage-checkout-lockout';

export const ACCOUNT_ERROR_CODES = ['INSUFFICIENT_CREDIT', 'CHECKOUT_LOCKED', 'SHOPPER_NOT_FOUND'] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** Shoppers (who they are, their language) and their credit: a balance with an append-only ledger. */
export function accountContext(deps: AccountDeps) {
  return defineContext(
    {
      identifyShopper: shopperIdentifier(deps),
      chooseLanguage: (userId: string, language: string | null) => chooseLanguage(deps, userId, language),
      preferredLanguage: (userId: string) => preferredLanguage(deps, userId),
      setEmail: (userId: string, email: string | null) => setEmail(deps, userId, email),
      emailOf: (userId: string) => emailOf(deps, userId),
      chatReachable: (userId: string) => chatReachable(deps, userId),
      markChatUnreachable: (userId: string) => markChatUnreachable(deps, userId),
      shopperIds: (after: string | null, limit: number) => shopperIds(deps, after, limit),
      getAccount: (userId: string) => getAccount(deps, userId),
      getLedger: (userId: string, limit?: number) => getLedger(deps, userId, limit),
      adjustCredit: (cmd: AdjustCredit) => adjustCredit(deps, cmd),
      getShippingAddress: (userId: string) => getShippingAddress(deps, userId),
      saveShippingAddress: (userId: string, input: unknown) => saveShippingAddress(deps, userId, input),
      getCheckoutLockout: (userId: string) => getCheckoutLockout(deps, userId),
      liftCheckoutLockout: (userId: string) => liftCheckoutLockout(deps, userId),
      pruneCheckoutFailures: (batch: number) => pruneCheckoutFailures(deps, batch),
    },
    { errorCodes: ACCOUNT_ERROR_CODES },
  );
}
