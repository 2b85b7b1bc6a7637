// The sellers context's public face: what other contexts and the doors may use.
export { SELLERS_ERROR_CODES, sellersContext } from './sellers-context';
export type { SellersErrorCode } from './sellers-context';
export type { SellersDeps, SellersRepositories, SellersTx } from './sellers-deps';
export { FULL_BPS, HOUSE_SELLER_ID, SELLER_DECISIONS, SELLER_STATUSES, commissionBpsOf, commissionOf, confirmWindowMinutesOf } from './seller';
export type { Seller, SellerDecision, SellerDraft, SellerProfile, SellerStatus, SellerTerms } from './seller';
export type { SellerListQuery, SellerRepository } from './seller-repository';
export { PAYOUT_STATUSES, SELLER_LEDGER_KINDS } from './seller-money';
export type {
  NewSellerLedgerEntry,
  PayoutStatus,
  PostOutcome,
  SellerBalance,
  SellerBooks,
  SellerLedgerEntry,
  SellerLedgerKind,
  SellerMoneyRepository,
  SellerPayout,
  SellerPayoutRepository,
} from './seller-money';
export { clawBackRefund, creditSale } from './seller-sales';
export type { RefundClawback, SaleCredit } from './seller-sales';
export type { NewSeller, SellerApplication, TermsInput } from './manage-sellers';
export { checkApplicationField } from './manage-sellers';
export { MAX_LEDGER_PAGE } from './seller-payouts';
export type { BalanceView } from './seller-payouts';
