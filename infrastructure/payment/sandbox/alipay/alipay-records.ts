/** Trade states of Alipay face-to-face payment as its query reports them. */
export type AlipayTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED' | 'TRADE_FINISHED';

/** One precreated trade as the stand-in keeps it (amounts in fen, times ISO strings: the record is its own JSON). */
export interface AlipayTrade {
  /** Opaque id in the qr_code link (not the out_trade_no). */
  id: string;
  outTradeNo: string;
  appId: string;
  subject: string;
  total: number;
  notifyUrl?: string;
  /** time_expire as the merchant sent it. */
  timeExpire?: string;
  expiresAt: string;
  createdAt: string;
  /**
   * Alipay creates the trade when the buyer scans the code: before that, query and close answer TRADE_NOT_EXIST.
   * Set when the pay page is first opened.
   */
  scannedAt?: string;
  tradeNo?: string;
  status: AlipayTradeStatus;
  buyerLogonId?: string;
  paidAt?: string;
  closedAt?: string;
  refunded: number;
}

export interface AlipayRefund {
  outRequestNo: string;
  outTradeNo: string;
  tradeNo: string;
  amount: number;
  reason?: string;
  at: string;
}

export type AlipayCorruption = 'signature' | 'ciphertext' | 'serial';

export interface AlipayNotificationAttempt {
  at: string;
  copies: number;
  /** The merchant's answer bodies (or network error codes), one per copy. */
  answers: string[];
  corrupted?: AlipayCorruption;
  acknowledged: boolean;
}

export interface AlipayNotification {
  notifyId: string;
  outTradeNo: string;
  notifyUrl: string;
  /** The signed parameters, identical on every attempt. */
  params: Record<string, string>;
  status: 'pending' | 'acknowledged' | 'dropped' | 'gave_up';
  attempts: AlipayNotificationAttempt[];
  nextAttemptAt?: string;
}

export interface AlipayState {
  trades: AlipayTrade[];
  refunds: AlipayRefund[];
  notifications: AlipayNotification[];
}

export const emptyAlipayState = (): AlipayState => ({ trades: [], refunds: [], notifications: [] });
