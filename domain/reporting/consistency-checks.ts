/** Read-only questions the reconcile asks the store; each returns the rows that break a promise. */
export interface ConsistencyChecks {
  /** Accounts whose balance is not Σ ledger, is negative, or disagrees with its newest entry's balance_after. */
  ledgerMismatches(): Promise<Array<{ userId: string; balance: number; ledgerSum: number; lastBalanceAfter: number | null }>>;
  /** Orders that were paid (PAID, DELIVERED, REFUNDING, REFUNDED, PARTIALLY_REFUNDED) without exactly one successful payment of their total. */
  paidOrdersWithoutOnePayment(): Promise<Array<{ orderNo: string; status: string; total: number; succeeded: number; paidAmount: number }>>;
  /** Successful payments whose order never became paid (money received and not acted on). */
  paymentsForUnpaidOrders(): Promise<Array<{ orderNo: string; status: string; outTradeNo: string; amount: number }>>;
  /** Credit lines of delivered orders without exactly one top-up of the right amount. */
  creditDeliveryMismatches(): Promise<Array<{ orderNo: string; lineNo: number; expected: number; entries: number; credited: number }>>;
  /** Code products whose stock counter is not their number of AVAILABLE codes. */
  codeStockMismatches(): Promise<Array<{ productId: number; stock: number | null; available: number }>>;
  /** Codes whose state disagrees with their order (delivered for an undelivered order, reserved by a closed one, …). */
  codeStateMismatches(): Promise<Array<{ codeId: number; status: string; orderNo: string | null; orderStatus: string | null }>>;
  /** Second charges for orders already paid (refunds of kind DUPLICATE_PAYMENT), with how each refund stands. */
  duplicatePayments(): Promise<
    Array<{ orderNo: string; outRefundNo: string; transactionId: string | null; amount: number; status: string; lastError: string | null }>
  >;
  /** Money per currency (CNY and Telegram Stars' XTR apart): successful payments and duplicate charges in, successful refunds out. */
  moneyByCurrency(): Promise<Array<{ currency: string; paidIn: number; payments: number; refunded: number; refunds: number }>>;
  /** Payments or refunds in another currency than their order's, and orders refunded beyond what was paid. */
  currencyMismatches(): Promise<Array<{ orderNo: string; orderCurrency: string; currency: string; what: 'payment' | 'refund' | 'over-refunded' }>>;
  /** Checkouts whose orders do not add up to them, paid without exactly one payment of their total, or refunded more than paid. */
  checkoutMismatches(): Promise<
    Array<{ checkoutNo: string; status: string; total: number; ordersTotal: number; orders: number; payments: number; paid: number; refunded: number }>
  >;
  /** Seller orders of paid checkouts whose credit, refunds and held money do not add up to their total (with why). */
  sellerOrderMismatches(): Promise<Array<{ orderNo: string; detail: string }>>;
  /**
   * The marketplace's money, in all: paid in for checkouts; credited to sellers net of take-backs (their balances +
   * payouts, as far as sales go); the platform's commissions; refunded; still held for sellers.
   */
  marketplaceMoney(): Promise<{ moneyIn: number; toSellers: number; commissions: number; refunds: number; held: number }>;
  /**
   * Coupons: orders whose total is not Σ(line total - line discount) + delivery fee or whose discount is not Σ of
   * their lines' ('order-total'), and coupons whose counter is not their purchases holding a use ('coupon-uses').
   */
  couponMismatches(): Promise<Array<{ what: 'order-total' | 'coupon-uses'; subject: string; expected: number; found: number }>>;
  /** The newest payments of a provider (to compare with what the provider says). */
  recentProviderPayments(provider: string, limit: number): Promise<Array<{ outTradeNo: string; orderNo: string; status: string; amount: number }>>;
}
