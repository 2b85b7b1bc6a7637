// The account context's public face: what other contexts and the doors may use.
export { ACCOUNT_ERROR_CODES, accountContext } from './account-context';
export type { AccountErrorCode } from './account-context';
export type { AccountDeps, AccountRepositories, AccountTx } from './account-deps';
export { LEDGER_KINDS } from './account-repository';
export type { Account, AccountRepository, LedgerEntry, LedgerKind, Posting, PostingOutcome } from './account-repository';
export type { ShopperProfile, UserRepository } from './shopper';
export { LANGUAGES, resolveLanguage } from './shopper-preferences';
export type { Language } from './shopper-preferences';
export type { AdjustCredit, AdjustCreditError } from './adjust-credit';
export type { SetEmailError } from './shopper-email';
export { addressLine, validateShippingAddress } from './shipping-address';
export type { ShippingAddress, ShippingAddressRepository } from './shipping-address';
export { CHECKOUT_FAILURE_REASONS, lockShopperForPlacement, lockoutOn, noteCheckoutFailure, refuseWhileLockedOut } from './checkout-lockout';
export type {
  CheckoutFailure,
  CheckoutFailureReason,
  CheckoutLockRepository,
  CheckoutLockState,
  CheckoutLockTx,
  CheckoutLockedError,
} from './checkout-lockout';
export type { CheckoutLockout, LockoutError } from './manage-checkout-lockout';
