import { defineContext } from '../shared/context';
import { PageQuery } from '../shared/paging';
import { findActiveSellerByTelegramUser, getActiveSeller, getSeller, listSellers, sellerOfTelegramUser } from './find-sellers';
import { SellerStatus } from './seller';
import { SellersDeps } from './sellers-deps';

export const SELLERS_ERROR_CODES = [
  'SELLER_NOT_FOUND',
  'SELLER_EXISTS',
  'SELLER_NOT_ACTIVE',
  'SELLER_STATE_CONFLICT',
  'PAYOUT_NOT_FOUND',
  'PAYOUT_NOT_COVERED',
] as const;
export type SellersErrorCode = (typeof SELLERS_ERROR_CODES)[number];

/** The shops of the marketplace: who sells, on what terms, and what the platform owes each (balance, ledger, payouts). */
export function sellersContext(deps: SellersDeps) {
  return defineContext(
    {
      findActiveSellerByTelegramUser: (telegramUserId: string) => findActiveSellerByTelegramUser(deps, telegramUserId),
      sellerOfTelegramUser: (telegramUserId: string) => sellerOfTelegramUser(deps, telegramUserId),
      getActiveSeller: (id: number) => getActiveSeller(deps, id),
      getSeller: (id: number) => getSeller(deps, id),
      listActiveSellers: (query: PageQuery) => listSellers(deps, { ...query, statuses: ['active'] }),
      listSellers: (query: PageQuery & { statuses?: readonly SellerStatus[] }) => listSellers(deps, query),
    },
    { errorCodes: SELLERS_ERROR_CODES },
  );
}
