// A migrated, throwaway database per test file: a temp SQLite file, or a fresh MySQL database that is dropped after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPersistence, Persistence, PersistenceOptions, ShopTx as Tx } from '../../../../infrastructure/persistence';
import { PersistenceLogger } from '../../../../infrastructure/persistence/persistence-logger';
import { Backend, createTestMysqlDatabase } from '../../../support/services';

export interface LoggedLine {
  level: 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export interface TestStore {
  persistence: Persistence;
  logged: LoggedLine[];
  close(): Promise<void>;
}

export async function openTestStore(backend: Backend, extra: Partial<PersistenceOptions> = {}): Promise<TestStore> {
  const logged: LoggedLine[] = [];
  const logger: PersistenceLogger = {
    warn: (message, details) => logged.push({ level: 'warn', message, details }),
    error: (message, details) => logged.push({ level: 'error', message, details }),
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'tillbot-persistence-'));
  const sqlitePath = path.join(dir, 'nested', 'shop.sqlite');
  const mysql = backend === 'mysql' ? await createTestMysqlDatabase() : null;
  const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath, logger, poolSize: 20, ...extra });
  await persistence.migrate();
  return {
    persistence,
    logged,
    async close() {
      await persistence.close();
      await mysql?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SuiteStore {
  /** The suite's store (opened in beforeAll). */
  readonly store: TestStore;
  /** Runs work in one unit of work on the suite's store. */
  inTx<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Opens a store for the enclosing describe block before its tests and closes it after them. */
export function storeForSuite(backend: Backend, extra: Partial<PersistenceOptions> = {}): SuiteStore {
  let opened: TestStore | null = null;
  const current = (): TestStore => {
    if (!opened) throw new Error('the suite store is opened in beforeAll; use it inside tests or hooks');
    return opened;
  };
  beforeAll(async () => {
    opened = await openTestStore(backend, extra);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get store() {
      return current();
    },
    inTx: (work) => current().persistence.uow.run(work),
  };
}
