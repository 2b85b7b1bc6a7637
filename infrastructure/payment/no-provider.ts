import { PaymentProvider, ProviderError } from '../../domain/payment/payment-provider';
import { Result, err } from '../../domain/shared/result';

const off: ProviderError = { code: 'PROVIDER_UNAVAILABLE', message: 'QR payments are not configured in this shop' };

/** Stands in when neither WeChat Pay nor the sandbox is configured: every call says so, nothing pretends to pay. */
export const noProvider: PaymentProvider = {
  name: 'none',
  createQrPayment: async (): Promise<Result<never, ProviderError>> => err(off),
  query: async () => err(off),
  close: async () => err(off),
  refund: async () => err(off),
  queryRefund: async () => err(off),
  parseNotification: () => err({ code: 'UNSUPPORTED_EVENT', message: 'QR payments are not configured in this shop' }),
};
