import { defineContext } from '../shared/context';
import { PageQuery } from '../shared/paging';
import { findActiveSellerByTelegramUser, getActiveSeller, getSeller, listSellers, sellerNames, sellerOfTelegramUser } from './find-sellers';
import { NewSeller, SellerApplication, TermsInput, applyToSell, createSeller, decideSeller, setSellerTerms, updateSellerProfile } from './manage-sellers';
import { Seller, SellerDecision, SellerStatus, commissionBpsOf, confirmWindowMinutesOf } from './seller';
import { cancelPayout, getSellerBalance, listPayouts, listSellerDebts, markPayoutPaid, requestPayout, sellerBooks } from './seller-payouts';
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
  const namesOf = sellerNames(deps);
  return defineContext(
    {
      sellerNames: (ids: readonly number[]) => namesOf(ids),
      findActiveSellerByTelegramUser: (telegramUserId: string) => findActiveSellerByTelegramUser(deps, telegramUserId),
      sellerOfTelegramUser: (telegramUserId: string) => sellerOfTelegramUser(deps, telegramUserId),
      getActiveSeller: (id: number) => getActiveSeller(deps, id),
      getSeller: (id: number) => getSeller(deps, id),
      listActiveSellers: (query: PageQuery) => listSellers(deps, { ...query, statuses: ['active'] }),
      listSellers: (query: PageQuery & { statuses?: readonly SellerStatus[] }) => listSellers(deps, query),
      applyToSell: (telegramUserId: string, input: SellerApplication) => applyToSell(deps, telegramUserId, input),
      createSeller: (input: NewSeller) => createSeller(deps, input),
      decideSeller: (id: number, decision: SellerDecision) => decideSeller(deps, id, decision),
      setSellerTerms: (id: number, terms: TermsInput) => setSellerTerms(deps, id, terms),
      updateSellerProfile: (id: number, input: SellerApplication) => updateSellerProfile(deps, id, input),
      getSellerBalance: (sellerId: number, query?: { beforeId?: unknown; limit?: unknown }) => getSellerBalance(deps, sellerId, query),
      requestPayout: (sellerId: number, input: { amount?: unknown }) => requestPayout(deps, sellerId, input),
      markPayoutPaid: (sellerId: number, payoutId: string, input: { reference?: unknown }) => markPayoutPaid(deps, sellerId, payoutId, input),
      cancelPayout: (sellerId: number, payoutId: string) => cancelPayout(deps, sellerId, payoutId),
      listPayouts: (query: PageQuery & { sellerId?: number; status?: unknown }) => listPayouts(deps, query),
      listSellerDebts: (limit?: number) => listSellerDebts(deps, limit),
      sellerBooks: (limit?: number) => sellerBooks(deps, limit),
      /** The terms that apply to a shop now: its own, else the platform's defaults. */
      effectiveTerms: (seller: Seller) => ({
        commissionBps: commissionBpsOf(seller, deps.limits),
        confirmWindowMinutes: confirmWindowMinutesOf(seller, deps.limits),
      }),
    },
    { errorCodes: SELLERS_ERROR_CODES },
  );
}
