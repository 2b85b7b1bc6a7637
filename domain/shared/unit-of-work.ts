import { OutboxRepository } from './outbox/outbox-repository';

/** What every transaction holds, whatever contexts add to it: the outbox and the after-commit hook. */
export interface TxBase {
  outbox: OutboxRepository;
  /**
   * Runs after a successful commit only — never for work that rolled back. A callback that throws or rejects is
   * logged; it never fails the caller, whose change is already durable.
   */
  afterCommit(callback: () => unknown): void;
}

/**
 * Opens the transaction at the use case and hands it down. `R` is what the caller may touch: each context declares
 * its repositories, and a use case's tx type is the intersection of the contexts it depends on.
 * Commits when `work` resolves; rolls back when it throws OR resolves to a failed Result (`{ ok: false }`), so an
 * expected failure half-way leaves nothing behind. Retries the whole work a few times on a deadlock or lock-wait timeout.
 */
export interface UnitOfWork<R = object> {
  run<T>(work: (tx: TxBase & R) => Promise<T>): Promise<T>;
  /**
   * A plain read: the same repositories on one pooled connection, no BEGIN/COMMIT and no outbox — each statement
   * sees what is committed when it runs. For reads that decide nothing a later write relies on (those belong in `run`).
   */
  read<T>(work: (repositories: R) => Promise<T>): Promise<T>;
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
