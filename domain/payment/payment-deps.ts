import { ShopDeps } from '../shared/shop-deps';
import { PaymentProvider } from './payment-provider';

export interface PaymentDeps extends ShopDeps {
  provider: PaymentProvider;
  log: (message: string, fields: Record<string, unknown>) => void;
}

/** When the repair job first asks the provider about an unpaid QR order, and how it backs off after that. */
export const FIRST_CHECK_AFTER_MS = 60_000;
export const paymentCheckBackoffMs = (attempts: number): number => Math.min(60_000 * 2 ** attempts, 10 * 60_000);
