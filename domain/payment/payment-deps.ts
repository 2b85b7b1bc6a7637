import { AccountRepositories } from '../account';
import { CatalogRepositories } from '../catalog';
import { CouponsRepositories } from '../coupons';
import { OrderingRepositories, PaymentExceptions, PaymentMethod } from '../ordering';
import { SellersRepositories } from '../sellers';
import { Clock } from '../shared/clock';
import { Ids } from '../shared/ids';
import { ShopLimits } from '../shared/limits';
import { SharedFlight } from '../shared/ports/shared-flight';
import { TxBase, UnitOfWork } from '../shared/unit-of-work';
import { PaymentProviders } from './payment-providers';
import { PaymentRepository } from './payment-record';
import { RefundRepository } from './refund-record';

/** What payment adds to a transaction. */
export interface PaymentRepositories {
  payments: PaymentRepository;
  refunds: RefundRepository;
}

type PaymentTouches = PaymentRepositories & OrderingRepositories & CatalogRepositories & AccountRepositories & SellersRepositories & CouponsRepositories;

/** What payment's use cases may touch: money moves orders (ordering), stock (catalog), balances (account) and sellers' money (a refund after completion). */
export type PaymentTx = TxBase & PaymentTouches;

export interface PaymentDeps {
  uow: UnitOfWork<PaymentTouches>;
  clock: Clock;
  ids: Ids;
  limits: ShopLimits;
  providers: PaymentProviders;
  /** The shop's payment choice: which methods it offers, in the order the chat shows them (all, QR first, when absent). */
  paymentMethods?: readonly PaymentMethod[];
  /** Per-product exceptions to it, by SKU (PAYMENT_METHOD_EXCEPTIONS). */
  paymentExceptions?: PaymentExceptions;
  /** Shared by every instance (Redis; the in-process twins when embedded): bounds what shoppers make us ask the provider. */
  coordination: { flights: SharedFlight };
  log: (message: string, fields: Record<string, unknown>) => void;
}
