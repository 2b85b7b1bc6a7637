import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { StoreUnavailableError, TxBase, UnitOfWork } from '../../domain/shared/unit-of-work';
import { AsyncMutex } from './async-mutex';
import { Dialect } from './dialect';
import { PersistenceLogger } from './persistence-logger';
import { ProductReadCache } from './catalog/product-read-cache';
import { TypeormOutboxRepository } from './outbox/typeorm-outbox-repository';
import { ShopRepositories, shopRepositories } from './shop-persistence';
import { isConnectionFailure, isRetryableConflict } from './store-errors';

export interface UnitOfWorkSettings {
  dataSource: DataSource;
  dialect: Dialect;
  logger: PersistenceLogger;
  /** Connects the DataSource on first use (and again after a failed attempt). */
  ensureReady: () => Promise<void>;
  /** Extra attempts after a deadlock / lock-wait timeout / SQLITE_BUSY. */
  conflictRetries: number;
  /** Product reads outside transactions served from memory; emptied after every commit that wrote a product. */
  productCache?: ProductReadCache;
}

// What a callback returns is ignored, but for a promise: its rejection is logged like a throw.
type Callback = () => unknown;

const isFailedResult = (value: unknown): boolean => typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const unavailable = (error: unknown): StoreUnavailableError => new StoreUnavailableError(`the database cannot be reached: ${messageOf(error)}`, error);

/** Connecting, beginning, committing: a connection failure here is the store's, whatever its shape. */
async function storeCall<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    throw isConnectionFailure(error) ? unavailable(error) : error;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction of the shop: every context's repositories plus the outbox, on one connection. */
export type ShopTx = TxBase & ShopRepositories;

export class TypeormUnitOfWork implements UnitOfWork<ShopRepositories> {
  /** SQLite through typeorm is ONE shared connection: two open transactions would interleave on it. */
  private readonly sqliteQueue = new AsyncMutex();
  private readonly insideRun = new AsyncLocalStorage<true>();

  constructor(private readonly settings: UnitOfWorkSettings) {}

  async run<T>(work: (tx: ShopTx) => Promise<T>): Promise<T> {
    if (this.insideRun.getStore()) {
      // On SQLite this would wait for itself forever; on MySQL it would be a second, independent transaction.
      throw new Error('UnitOfWork.run was called inside another run: pass the open tx down instead');
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { result, callbacks } = await this.serialised(() => this.attempt(work));
        this.runAfterCommit(callbacks);
        return result;
      } catch (error) {
        // Only the database's own errors count: an ECONNREFUSED from some HTTP call inside `work` is not ours to relabel.
        if (error instanceof QueryFailedError && isConnectionFailure(error)) throw unavailable(error);
        if (attempt >= this.settings.conflictRetries || !isRetryableConflict(error)) throw error;
        this.settings.logger.warn('transaction conflict, running the unit of work again', { attempt: attempt + 1, error: messageOf(error) });
        await sleep(this.backoffMs(attempt));
      }
    }
  }

  /**
   * Statements that belong to no unit of work (the job-run log). On SQLite they share the transactions' one
   * connection, so they queue with them: a statement slipped into an open transaction would commit or roll back with
   * it. Refused inside a run on both engines: on SQLite it would wait for its own transaction forever.
   */
  async runOutsideTransaction<R>(task: () => Promise<R>): Promise<R> {
    if (this.insideRun.getStore()) {
      throw new Error('a statement outside the transaction was started inside UnitOfWork.run: run it before or after');
    }
    try {
      return await this.serialised(async () => {
        await storeCall(() => this.settings.ensureReady());
        return task();
      });
    } catch (error) {
      if (error instanceof QueryFailedError && isConnectionFailure(error)) throw unavailable(error);
      throw error;
    }
  }

  /**
   * A plain read on one pooled connection in autocommit: no BEGIN/COMMIT round trips and no outbox-kick wrapper. On
   * SQLite it still queues with the transactions (one shared connection: it would otherwise read a transaction's
   * uncommitted rows).
   */
  read<T>(work: (repositories: ShopRepositories) => Promise<T>): Promise<T> {
    return this.runOutsideTransaction(async () => {
      const runner = this.settings.dataSource.createQueryRunner();
      try {
        await storeCall(() => runner.connect());
        const repositories = shopRepositories(runner.manager, this.settings.dialect);
        const cache = this.settings.productCache;
        return await work(
          cache ? { ...repositories, products: cache.reads(repositories.products), search: cache.readsSearch(repositories.search) } : repositories,
        );
      } finally {
        await runner.release();
      }
    });
  }

  private serialised<R>(task: () => Promise<R>): Promise<R> {
    return this.settings.dialect === 'sqlite' ? this.sqliteQueue.runExclusive(task) : task();
  }

  private async attempt<T>(work: (tx: ShopTx) => Promise<T>): Promise<{ result: T; callbacks: Callback[] }> {
    await storeCall(() => this.settings.ensureReady());
    const runner = this.settings.dataSource.createQueryRunner();
    const callbacks: Callback[] = [];
    try {
      await storeCall(() => runner.connect());
      // READ COMMITTED is each MySQL connection's session default (set once when the pool opens it,
      // data-source-options.ts): the transaction is one START TRANSACTION, not a SET TRANSACTION before it.
      await storeCall(() => runner.startTransaction());
      let result: T;
      try {
        const afterCommit = (callback: Callback) => callbacks.push(callback);
        const repositories = shopRepositories(runner.manager, this.settings.dialect);
        const tx: ShopTx = {
          ...repositories,
          ...this.trackProductWrites(repositories, afterCommit),
          outbox: new TypeormOutboxRepository(runner.manager),
          afterCommit,
        };
        result = await this.insideRun.run(true, () => work(tx));
      } catch (error) {
        await this.rollbackQuietly(runner);
        throw error;
      }
      if (isFailedResult(result)) {
        await storeCall(() => runner.rollbackTransaction());
        return { result, callbacks: [] };
      }
      try {
        await storeCall(() => runner.commitTransaction());
      } catch (error) {
        // Never hand a connection with a half-open transaction back to the pool.
        await this.rollbackQuietly(runner);
        throw error;
      }
      return { result, callbacks };
    } finally {
      await runner.release();
    }
  }

  /** A transaction that wrote a product or its search terms empties the product cache once it has committed (never before). */
  private trackProductWrites(
    repositories: Pick<ShopRepositories, 'products' | 'search'>,
    afterCommit: (callback: Callback) => void,
  ): Pick<ShopRepositories, 'products' | 'search'> {
    const cache = this.settings.productCache;
    if (!cache) return { products: repositories.products, search: repositories.search };
    let tracked = false;
    const wrote = () => {
      if (tracked) return;
      tracked = true;
      afterCommit(() => cache.changed());
    };
    return { products: cache.writes(repositories.products, wrote), search: cache.writesSearch(repositories.search, wrote) };
  }

  private async rollbackQuietly(runner: QueryRunner): Promise<void> {
    if (!runner.isTransactionActive) return;
    try {
      await runner.rollbackTransaction();
    } catch (error) {
      this.settings.logger.warn('rollback failed (the connection is probably gone)', { error: messageOf(error) });
    }
  }

  /** After-commit work never fails the caller: its change is already durable. */
  private runAfterCommit(callbacks: Callback[]): void {
    for (const callback of callbacks) {
      try {
        const returned: unknown = callback();
        if (returned instanceof Promise) {
          returned.catch((error: unknown) => this.settings.logger.error('an after-commit callback failed', { error: messageOf(error) }));
        }
      } catch (error) {
        this.settings.logger.error('an after-commit callback failed', { error: messageOf(error) });
      }
    }
  }

  /** Jittered exponential backoff, so the transactions that collided do not collide again in step. */
  private backoffMs(attempt: number): number {
    const base = 15 * 2 ** attempt;
    return base + Math.floor(Math.random() * base);
  }
}
