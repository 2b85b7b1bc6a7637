import { AccountRepository } from '../account/account-repository';
import { UserRepository } from '../account/shopper';
import { CodePoolRepository } from '../catalog/code-pool-repository';
import { ProductRepository } from '../catalog/product-repository';
import { CartRepository } from '../ordering/cart';
import { OrderRepository } from '../ordering/order-repository';
import { PaymentRepository } from '../payment/payment-record';
import { RefundRepository } from '../payment/refund-record';
import { OutboxRepository } from './outbox';

/** The repositories of one open transaction. */
export interface Tx {
  users: UserRepository;
  products: ProductRepository;
  codes: CodePoolRepository;
  carts: CartRepository;
  orders: OrderRepository;
  accounts: AccountRepository;
  payments: PaymentRepository;
  refunds: RefundRepository;
  outbox: OutboxRepository;
  /**
   * Runs after a successful commit only — never for work that rolled back. A callback that throws or rejects is
   * logged; it never fails the caller, whose change is already durable.
   */
  afterCommit(callback: () => unknown): void;
}

/**
 * Opens the transaction at the use case and hands it down. Commits when `work` resolves; rolls back when it throws
 * OR resolves to a failed Result (`{ ok: false }`), so an expected failure half-way leaves nothing behind.
 * Retries the whole work a few times on a deadlock or lock-wait timeout.
 */
export interface UnitOfWork {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Thrown by a UnitOfWork when the database cannot be reached; doors map it to 503. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
