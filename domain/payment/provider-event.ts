import { ProviderRefund, ProviderTrade } from './payment-provider';

/**
 * What a provider told us, once its adapter has verified it (signature by a known platform key, time window,
 * decryption, our merchant): the only form in which a notification reaches the domain — never headers or bytes.
 */
export type ProviderEvent =
  | { type: 'TRANSACTION.SUCCESS'; eventId: string; trade: ProviderTrade }
  | { type: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED'; eventId: string; refund: ProviderRefund };
