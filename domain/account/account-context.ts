import { defineContext } from '../shared/context';
import { AccountDeps } from './account-deps';
import { AdjustCredit, adjustCredit } from './adjust-credit';
import { shopperIdentifier } from './identify-shopper';
import { chatReachable, markChatUnreachable } from './shopper-chat';
import { chooseLanguage, preferredLanguage, shopperIds } from './shopper-preferences';
import { getAccount, getLedger } from './view-account';
import { setShopperEmail } from './shopper-email';

export const ACCOUNT_ERROR_CODES = ['INSUFFICIENT_CREDIT'] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** Shoppers (who they are, their language) and their credit: a balance with an append-only ledger. */
export function accountContext(deps: AccountDeps) {
  return defineContext(
    {
      identifyShopper: shopperIdentifier(deps),
      chooseLanguage: (userId: string, language: string | null) => chooseLanguage(deps, userId, language),
      preferredLanguage: (userId: string) => preferredLanguage(deps, userId),
      chatReachable: (userId: string) => chatReachable(deps, userId),
      markChatUnreachable: (userId: string) => markChatUnreachable(deps, userId),
      shopperIds: (after: string | null, limit: number) => shopperIds(deps, after, limit),
      getAccount: (userId: string) => getAccount(deps, userId),
      getLedger: (userId: string, limit?: number) => getLedger(deps, userId, limit),
      adjustCredit: (cmd: AdjustCredit) => adjustCredit(deps, cmd),
      setShopperEmail: (userId: string, email: unknown) => setShopperEmail(deps, userId, email),
    },
    { errorCodes: ACCOUNT_ERROR_CODES },
  );
}
