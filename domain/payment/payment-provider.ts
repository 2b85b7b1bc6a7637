import { Minor } from '../shared/money';
import { Result } from '../shared/result';

/** What an order asks the provider for: a QR code the shopper scans. Amounts in minor units. */
export interface QrPaymentRequest {
  outTradeNo: string;
  description: string;
  amount: Minor;
  currency: string;
  expiresAt: Date;
  /** Echoed back by the provider in query and notification; we carry the order number there. */
  attach?: string;
}

export type ProviderErrorCode =
  | 'PROVIDER_UNAVAILABLE' // network error, timeout, 5xx, 429 after retries: safe to try again later, same out_trade_no
  | 'PROVIDER_REJECTED' // 4xx the provider means (PARAM_ERROR, NO_AUTH, …): retrying the same call will not help
  | 'ORDER_NOT_EXIST'
  | 'ORDER_CLOSED'
  | 'ALREADY_PAID' // close refused because the trade is paid
  | 'NOT_ENOUGH' // refund refused: the merchant balance cannot cover it
  | 'INVALID_RESPONSE'; // the reply failed its signature or shape check

export interface ProviderError {
  code: ProviderErrorCode;
  message: string;
  /** The provider's own code (SIGN_ERROR, SYSTEM_ERROR, …) when it gave one. */
  providerCode?: string;
  httpStatus?: number;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface ProviderTrade {
  outTradeNo: string;
  tradeState: TradeState;
  transactionId?: string;
  /** Paid total in minor units (present once paid). */
  amount?: Minor;
  currency?: string;
  successTime?: Date;
  appId?: string;
  mchId?: string;
  attach?: string;
}

export interface RefundRequest {
  outTradeNo: string;
  /** Who paid (the order's shopper), for a provider that `refundsByPayer` (Telegram Stars' `user_id`). */
  payerId?: string;
  /** The provider's id of the charge refunded (the trade's payment, or the duplicate): Telegram Stars refunds by it. */
  chargeId?: string;
  /** Refund this transaction of the trade (a duplicate charge) rather than the trade's payment. */
  transactionId?: string;
  outRefundNo: string;
  reason?: string;
  refundAmount: Minor;
  totalAmount: Minor;
  currency: string;
}

export type RefundState = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface ProviderRefund {
  outRefundNo: string;
  outTradeNo?: string;
  refundId?: string;
  status: RefundState;
  refundAmount?: Minor;
  totalAmount?: Minor;
  successTime?: Date;
}

/**
 * The port every payment provider implements (WeChat Pay v3 Native, Alipay face-to-face, each also aimed at the
 * sandbox gateway; Telegram Stars, whose "code" is an invoice link). Its
 * notifications are verified outside the domain (infrastructure/payment/…/notification verifier): the domain only
 * ever sees a `ProviderEvent`.
 */
export interface PaymentProvider {
  readonly name: string;
  /** The provider refunds a whole charge or nothing (Telegram Stars): a partial refund is refused before it is asked. */
  readonly refundsWholeChargeOnly?: boolean;
  /** A refund names the payer (`RefundRequest.payerId`): Telegram Stars refunds to a user. */
  readonly refundsByPayer?: boolean;
  /**
   * Money for an order we closed meanwhile: `resell` (default) re-reserves and delivers when the stock is still there,
   * `refund` always gives it back (Telegram Stars: the shopper paid an invoice our pre-checkout no longer stands behind).
   */
  readonly latePayments?: 'resell' | 'refund';
  /**
   * false: one trade cannot be looked up (Telegram Stars: the money arrives only as the bot's update, which Telegram
   * holds until the bot takes it). The repair job and reconcile then leave its payments to those events.
   */
  readonly answersTradeQueries?: boolean;
  createQrPayment(request: QrPaymentRequest): Promise<Result<{ codeUrl: string }, ProviderError>>;
  /** `once`: a single attempt, no transport retries (a caller that is itself throttled must not multiply calls). */
  query(outTradeNo: string, options?: { once?: boolean }): Promise<Result<ProviderTrade, ProviderError>>;
  close(outTradeNo: string): Promise<Result<void, ProviderError>>;
  refund(request: RefundRequest): Promise<Result<ProviderRefund, ProviderError>>;
  /** `outTradeNo`: the refund's trade (Alipay finds a refund only by both; WeChat by out_refund_no alone). */
  queryRefund(outRefundNo: string, outTradeNo: string): Promise<Result<ProviderRefund, ProviderError>>;
}
