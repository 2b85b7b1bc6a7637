import { ShopDeps } from '../shared/shop-deps';
import { PaymentProvider } from './payment-provider';

export interface PaymentDeps extends ShopDeps {
  provider: PaymentProvider;
  log: (message: string, fields: Record<string, unknown>) => void;
}

/** How long after its n-th unanswered check an unpaid QR order is asked about again: doubling from the first check's delay, at most ten times it. */
export const paymentCheckBackoffMs = (attempts: number, firstCheckMs: number): number => Math.min(firstCheckMs * 2 ** attempts, 10 * firstCheckMs);
