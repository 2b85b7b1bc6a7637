import { PAYMENT_METHODS, PaymentMethod } from '../ordering';
import { err } from '../shared/result';
import { PaymentProvider, ProviderError } from './payment-provider';

/** Payment methods that go through a provider (a QR code today); credit is paid from the shopper's balance. */
export type ProviderMethod = Exclude<PaymentMethod, 'credit'>;
const PROVIDER_METHODS: readonly ProviderMethod[] = PAYMENT_METHODS.filter((m): m is ProviderMethod => m !== 'credit');

/** The provider behind each payment method this shop takes: a new provider is a new adapter plus one entry here. */
export type PaymentProviders = Readonly<Partial<Record<ProviderMethod, PaymentProvider>>>;

/** The provider name credit payments and refunds are recorded under. */
export const CREDIT_PROVIDER = 'credit';

const off: ProviderError = { code: 'PROVIDER_UNAVAILABLE', message: 'QR payments are not configured in this shop' };

/** Stands in for a method whose provider is not configured: every call says so, nothing pretends to pay. */
export const unconfiguredProvider: PaymentProvider = {
  name: 'none',
  createQrPayment: async () => err(off),
  query: async () => err(off),
  close: async () => err(off),
  refund: async () => err(off),
  queryRefund: async () => err(off),
};

/** What a shop offers when it does not say (PAYMENT_METHODS): every method, the QR codes first. */
export const DEFAULT_PAYMENT_CHOICE: readonly PaymentMethod[] = [...PROVIDER_METHODS, 'credit'];

/**
 * The methods the shop offers, in its order (the chat shows them so): credit when chosen; a QR method when chosen
 * and its provider is configured.
 */
export const enabledMethods = (providers: PaymentProviders, offered: readonly PaymentMethod[] = DEFAULT_PAYMENT_CHOICE): PaymentMethod[] =>
  offered.filter((m) => m === 'credit' || providers[m] !== undefined);

/** The provider an order's method goes through; null for credit. */
export function providerFor(providers: PaymentProviders, method: PaymentMethod): PaymentProvider | null {
  if (method === 'credit') return null;
  return providers[method] ?? unconfiguredProvider;
}

/** Every configured provider, once. */
export const configuredProviders = (providers: PaymentProviders): PaymentProvider[] =>
  PROVIDER_METHODS.flatMap((m) => {
    const provider = providers[m];
    return provider ? [provider] : [];
  });

/** The provider a payment or refund was recorded with (by its name), or the unconfigured one. */
export const providerNamed = (providers: PaymentProviders, name: string): PaymentProvider =>
  configuredProviders(providers).find((p) => p.name === name) ?? unconfiguredProvider;
