/** Trade states the sandbox produces: Native payments never reach REVOKED/USERPAYING/PAYERROR. */
export type SandboxTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

/** One Native trade as the gateway keeps it (times are ISO strings so the record is its own JSON form). */
export interface SandboxTrade {
  /** Opaque id of the pay page the code_url opens (not the out_trade_no, which the shop may consider private). */
  id: string;
  outTradeNo: string;
  appId: string;
  mchId: string;
  description: string;
  total: number;
  currency: string;
  attach?: string;
  notifyUrl: string;
  /** The time_expire string exactly as the merchant sent it. */
  timeExpire?: string;
  expiresAt: string;
  state: SandboxTradeState;
  createdAt: string;
  transactionId?: string;
  successTime?: string;
  payerOpenId?: string;
  closedAt?: string;
  /** Closed by its time_expire passing (the merchant may still close it once, as WeChat allows). */
  closedByExpiry?: boolean;
  refunded: number;
  /** Further charges for the same trade (a wallet that charged twice): each its own transaction, refundable by its id. */
  extraCharges?: SandboxCharge[];
}

export interface SandboxCharge {
  transactionId: string;
  successTime: string;
  refunded: number;
}

export type SandboxRefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

export interface SandboxRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  mchId: string;
  reason?: string;
  notifyUrl?: string;
  refund: number;
  total: number;
  currency: string;
  status: SandboxRefundStatus;
  createdAt: string;
  successTime?: string;
}

export type CorruptionKind = 'signature' | 'ciphertext' | 'serial';

export interface NotificationAttempt {
  at: string;
  /** Copies sent concurrently in this attempt (the duplicate knob). */
  copies: number;
  statuses: Array<number | string>;
  corrupted?: CorruptionKind;
  acknowledged: boolean;
}

export type NotificationStatus = 'pending' | 'acknowledged' | 'dropped' | 'gave_up';

export interface SandboxNotification {
  id: string;
  eventType: string;
  outTradeNo: string;
  outRefundNo?: string;
  notifyUrl: string;
  /** The envelope: identical on every attempt, only the signature headers are fresh each time. */
  body: string;
  status: NotificationStatus;
  attempts: NotificationAttempt[];
  nextAttemptAt?: string;
}
