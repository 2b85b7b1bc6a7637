// A database as an earlier release left it (its first migrations applied, some rows written), for upgrade tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createPersistence, Persistence } from '../../../../infrastructure/persistence';
import { mysqlOptions, parseMysqlUrl, sqliteOptions } from '../../../../infrastructure/persistence/data-source-options';
import { MYSQL_MIGRATIONS } from '../../../../infrastructure/persistence/migrations/mysql';
import { SQLITE_MIGRATIONS } from '../../../../infrastructure/persistence/migrations/sqlite';
import { Backend, createTestMysqlDatabase, TestMysqlDatabase } from '../../../support/services';

const silent = { warn: () => undefined, error: () => undefined };

export interface DeployedDatabase {
  /** True on MySQL (for dialect-specific catalogue queries). */
  readonly mysql: boolean;
  /** The current release's persistence on that database (not yet migrated). */
  open(): Persistence;
  /** The names of the migrations the current release adds on top of that database, oldest first. */
  readonly later: string[];
  /** Reverts a migrated database back to what the earlier release left (every later migration undone, newest first). */
  revert(persistence: Persistence): Promise<void>;
}

/**
 * Before the enclosing describe's tests: a fresh database migrated through the first `released` migrations of its
 * dialect, then `seed`ed through a plain DataSource; dropped after them.
 */
export function deployedDatabase(backend: Backend, released: number, seed: (old: DataSource) => Promise<void>): DeployedDatabase {
  let dir = '';
  let mysql: TestMysqlDatabase | null = null;
  const sqlitePath = (): string => path.join(dir, 'deployed.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tillbot-upgrade-'));
    if (backend === 'mysql') mysql = await createTestMysqlDatabase();
    const old = new DataSource(
      mysql
        ? { ...mysqlOptions(parseMysqlUrl(mysql.url), 2, 5000), migrations: MYSQL_MIGRATIONS.slice(0, released) }
        : { ...sqliteOptions(sqlitePath(), 5000), migrations: SQLITE_MIGRATIONS.slice(0, released) },
    );
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'each' });
      await seed(old);
    } finally {
      await old.destroy();
    }
  });
  afterAll(async () => {
    await mysql?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // Computed, not listed: a migration added by a later change is one more "later" one, not a broken upgrade test.
  const later = (backend === 'mysql' ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS).slice(released).map((migration) => migration.name);
  return {
    mysql: backend === 'mysql',
    open: () => createPersistence({ databaseUrl: mysql?.url, sqlitePath: sqlitePath(), logger: silent }),
    later,
    async revert(persistence) {
      for (let i = 0; i < later.length; i += 1) await persistence.dataSource.undoLastMigration({ transaction: 'each' });
    },
  };
}
