import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPersistence } from '../../../infrastructure/persistence';
import { StoreUnavailableError } from '../../../domain/shared/unit-of-work';
import { createTestMysqlDatabase, databaseBackends, TestMysqlDatabase, testMysqlUrl } from '../../support/services';

const TABLES = [
  'accounts',
  'cart_items',
  'catalog_imports',
  'categories',
  'checkout_failures',
  'checkouts',
  'coupon_redemptions',
  'coupons',
  'delivery_options',
  'job_runs',
  'ledger_entries',
  'order_lines',
  'orders',
  'outbox',
  'payments',
  'product_codes',
  'product_search_terms',
  'product_translations',
  'products',
  'refunds',
  'restock_alerts',
  'support_messages',
  'support_tickets',
  'seller_balances',
  'seller_ledger',
  'seller_payouts',
  'sellers',
  'shipping_addresses',
  'users',
  'wechatpay_platform_certificates',
  'product_reviews',
  'referrals',
];
const ALL_MIGRATIONS = [
  'InitialSchema1763700000000',
  'RefundsAndPaymentChecks1763800000000',
  'ShopperLanguageStatsJobRuns1763900000000',
  'DuplicatePaymentRefunds1764200000000',
  'ShopperChatState1764300000000',
  'Categories1764633600001',
  'ProductSearchTerms1764633600002',
  'CatalogImports1764633600100',
  'ProductTranslations1764633600200',
  'WechatpayPlatformCertificates1764720000000',
  'SearchTermsByTerm1764800000000',
  'ShopperEmail1764850000000',
  'ProductReviews1764870000000',
  'Referrals1764880000000',
  'Sellers1764900000000',
  'TelegramStars1764950000000',
  'SupportAndRestock1764960000000',
  'Checkouts1765100000000',
  'Coupons1765200000000',
  'LockoutsAndSellerTickets1765300000000',
  'SellerShelves1765400000000',
  'SearchTermBuckets1765500000000',
];
/** The indexes the range reads need (sales summary, job-run log). */
const RANGE_INDEXES = ['ix_orders_created_at', 'ix_orders_paid_at', 'ix_job_runs_job_id'];
/** Undoes `name` and every migration after it (a database from before it); returns what a migrate applies again. */
async function undoSince(persistence: { dataSource: { undoLastMigration(): Promise<void> } }, name: string): Promise<string[]> {
  const since = ALL_MIGRATIONS.slice(ALL_MIGRATIONS.indexOf(name));
  for (let i = 0; i < since.length; i++) await persistence.dataSource.undoLastMigration();
  return since;
}
const silent = { warn: () => undefined, error: () => undefined };

describe.each(databaseBackends())('migrations (%s)', (backend) => {
  let dir: string;
  let mysql: TestMysqlDatabase | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tillbot-migrations-'));
    if (backend === 'mysql') mysql = await createTestMysqlDatabase();
  });
  afterAll(async () => {
    await mysql?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates every table on a fresh database, then finds nothing pending', async () => {
    const sqlitePath = path.join(dir, 'deep', 'er', 'shop.sqlite');
    const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath, logger: silent });
    try {
      expect(persistence.kind).toBe(backend);
      expect(await persistence.migrate()).toEqual(ALL_MIGRATIONS);
      const tables: Array<{ name: string }> =
        backend === 'mysql'
          ? await persistence.dataSource.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()')
          : await persistence.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining([...TABLES, 'migrations']));
      const indexes: Array<{ name: string }> =
        backend === 'mysql'
          ? await persistence.dataSource.query('SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE()')
          : await persistence.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'index'");
      expect(indexes.map((index) => index.name)).toEqual(expect.arrayContaining(RANGE_INDEXES));
      expect(await persistence.migrate()).toEqual([]);
      if (backend === 'sqlite') expect(existsSync(sqlitePath)).toBe(true);
    } finally {
      await persistence.close();
    }
    // A second process start: the same database, nothing left to apply.
    const again = createPersistence({ databaseUrl: mysql?.url, sqlitePath, logger: silent });
    try {
      expect(await again.migrate()).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('makes the existing shop the house seller: every product there is belongs to seller 1, SKUs become unique per seller', async () => {
    const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath: path.join(dir, 'house.sqlite'), logger: silent });
    try {
      await persistence.migrate();
      // A database from before the marketplace.
      const since = await undoSince(persistence, 'Sellers1764900000000');
      await persistence.dataSource.query('DELETE FROM products');
      await persistence.dataSource.query(
        "INSERT INTO products (sku, title, description, kind, price_amount, currency, stock, visible, created_at, updated_at) VALUES ('OLD-1', 'Old', '', 'manual', 100, 'CNY', NULL, 1, 0, 0)",
      );
      expect(await persistence.migrate()).toEqual(since);
      // Every order there was is the house's own, in no checkout.
      expect(await persistence.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE seller_id <> 1 OR checkout_no IS NOT NULL')).toEqual([
        expect.objectContaining({ n: expect.anything() }),
      ]);
      const [product] = await persistence.dataSource.query("SELECT seller_id FROM products WHERE sku = 'OLD-1'");
      expect(Number(product.seller_id)).toBe(1);
      const [house] = await persistence.dataSource.query('SELECT id, status, auto_confirm, commission_bps FROM sellers');
      expect([Number(house.id), house.status, Number(house.auto_confirm), Number(house.commission_bps)]).toEqual([1, 'active', 1, 0]);
      const [balance] = await persistence.dataSource.query('SELECT seller_id, balance_minor FROM seller_balances');
      expect([Number(balance.seller_id), Number(balance.balance_minor)]).toEqual([1, 0]);
      // Another shop may use the same SKU; the house may not use it twice.
      await persistence.dataSource.query(
        "INSERT INTO sellers (id, telegram_user_id, shop_name, contact, description, status, auto_confirm, created_at, updated_at) VALUES (2, '42', 'Tea', '', '', 'active', 0, 0, 0)",
      );
      await persistence.dataSource.query(
        "INSERT INTO products (seller_id, sku, title, description, kind, price_amount, currency, stock, visible, created_at, updated_at) VALUES (2, 'OLD-1', 'Theirs', '', 'manual', 100, 'CNY', NULL, 1, 0, 0)",
      );
      await expect(
        persistence.dataSource.query(
          "INSERT INTO products (sku, title, description, kind, price_amount, currency, stock, visible, created_at, updated_at) VALUES ('OLD-1', 'Again', '', 'manual', 100, 'CNY', NULL, 1, 0, 0)",
        ),
      ).rejects.toThrow();
      // Leaves the database as the next test expects it (a down cannot make shared SKUs globally unique again).
      await persistence.dataSource.query('DELETE FROM products WHERE seller_id = 2');
      await persistence.dataSource.query('DELETE FROM seller_balances WHERE seller_id = 2');
      await persistence.dataSource.query('DELETE FROM sellers WHERE id = 2');
    } finally {
      await persistence.close();
    }
  });

  it('closes the shelves of shops that are not active on an upgraded database (products and their search terms), and opens them going down', async () => {
    const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath: path.join(dir, 'shelves.sqlite'), logger: silent });
    const db = persistence.dataSource;
    try {
      await persistence.migrate();
      const since = await undoSince(persistence, 'SellerShelves1765400000000');
      await db.query(
        "INSERT INTO sellers (id, telegram_user_id, shop_name, contact, description, status, auto_confirm, created_at, updated_at) VALUES (3, '43', 'Shut', '', '', 'suspended', 0, 0, 0), (4, '44', 'Open', '', '', 'active', 0, 0, 0)",
      );
      for (const [seller, sku] of [
        [3, 'SHUT-1'],
        [4, 'OPEN-1'],
      ] as const)
        await db.query(
          `INSERT INTO products (seller_id, sku, title, description, kind, price_amount, currency, stock, visible, created_at, updated_at) VALUES (?, ?, 'Lamp', '', 'manual', 100, 'CNY', NULL, 1, 0, 0)`,
          [seller, sku],
        );
      const ids = async () =>
        Object.fromEntries(
          ((await db.query("SELECT id, sku FROM products WHERE sku IN ('SHUT-1', 'OPEN-1')")) as Array<{ id: unknown; sku: string }>).map((r) => [
            r.sku,
            Number(r.id),
          ]),
        );
      const { 'SHUT-1': shut, 'OPEN-1': open } = await ids();
      await db.query('INSERT INTO product_search_terms (visible, term, weight, product_id, fields) VALUES (1, ?, 8, ?, 1), (1, ?, 8, ?, 1)', [
        'lamp',
        shut,
        'lamp',
        open,
      ]);
      const shown = async () =>
        (
          (await db.query('SELECT product_id, visible FROM product_search_terms WHERE product_id IN (?, ?) ORDER BY product_id', [shut, open])) as Array<{
            product_id: unknown;
            visible: unknown;
          }>
        ).map((r) => [Number(r.product_id), Number(r.visible)]);

      expect(await persistence.migrate()).toEqual(since);
      const listed = (await db.query('SELECT id, listed FROM products WHERE id IN (?, ?) ORDER BY id', [shut, open])) as Array<{
        id: unknown;
        listed: unknown;
      }>;
      expect(listed.map((r) => [Number(r.id), Number(r.listed)])).toEqual([
        [shut, 0],
        [open, 1],
      ]);
      expect(await shown()).toEqual([
        [shut, 0],
        [open, 1],
      ]);

      // Down again through SellerShelves (and whatever came after it): the shelves open.
      await undoSince(persistence, 'SellerShelves1765400000000');
      expect(await shown()).toEqual([
        [shut, 1],
        [open, 1],
      ]);
      // Leaves the database as the next test expects it.
      await db.query('DELETE FROM product_search_terms WHERE product_id IN (?, ?)', [shut, open]);
      await db.query('DELETE FROM products WHERE id IN (?, ?)', [shut, open]);
      await db.query('DELETE FROM sellers WHERE id IN (3, 4)');
      expect(await persistence.migrate()).toEqual(since);
    } finally {
      await persistence.close();
    }
  });

  it('keeps the search terms of an upgraded database when the term table takes its new key', async () => {
    const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath: path.join(dir, 'upgrade.sqlite'), logger: silent });
    try {
      await persistence.migrate();
      // Back to (product_id, term) + the find index.
      const since = await undoSince(persistence, 'SearchTermsByTerm1764800000000');
      await persistence.dataSource.query('DELETE FROM product_search_terms');
      await persistence.dataSource.query(
        "INSERT INTO product_search_terms (product_id, term, visible, fields, weight) VALUES (7, 'tea', 1, 1, 8), (7, '红茶', 1, 1, 8), (8, 'tea', 0, 4, 1)",
      );
      expect(await persistence.migrate()).toEqual(since);
      const rows = await persistence.dataSource.query('SELECT product_id, term, visible, fields, weight FROM product_search_terms ORDER BY product_id, term');
      expect(rows.map((r: Record<string, unknown>) => [Number(r.product_id), r.term, Number(r.visible), Number(r.fields), Number(r.weight)])).toEqual([
        [7, 'tea', 1, 1, 8],
        [7, '红茶', 1, 1, 8],
        [8, 'tea', 0, 4, 1],
      ]);
      // (product_id, term) stays unique: a product's term is written once.
      await expect(
        persistence.dataSource.query("INSERT INTO product_search_terms (product_id, bucket, term, visible, fields, weight) VALUES (7, 0, 'tea', 0, 1, 1)"),
      ).rejects.toThrow();
      // Leaves the database as the next test expects it (a down cannot make shared SKUs globally unique again).
      await persistence.dataSource.query('DELETE FROM products WHERE seller_id = 2');
      await persistence.dataSource.query('DELETE FROM seller_balances WHERE seller_id = 2');
      await persistence.dataSource.query('DELETE FROM sellers WHERE id = 2');
    } finally {
      await persistence.close();
    }
  });

  it('keeps the search terms of an upgraded database when the term table takes its buckets', async () => {
    const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath: path.join(dir, 'buckets.sqlite'), logger: silent });
    try {
      await persistence.migrate();
      // Back to (visible, term, weight, product_id), no bucket column.
      const since = await undoSince(persistence, 'SearchTermBuckets1765500000000');
      await persistence.dataSource.query('DELETE FROM product_search_terms');
      await persistence.dataSource.query(
        "INSERT INTO product_search_terms (product_id, term, visible, fields, weight) VALUES (7, 'tea', 1, 1, 8), (40000, 'tea', 1, 4, 1), (70000, '红茶', 0, 1, 8)",
      );
      expect(await persistence.migrate()).toEqual(since);
      const rows = await persistence.dataSource.query(
        'SELECT product_id, bucket, term, visible, fields, weight FROM product_search_terms ORDER BY product_id, term',
      );
      expect(
        rows.map((r: Record<string, unknown>) => [Number(r.product_id), Number(r.bucket), r.term, Number(r.visible), Number(r.fields), Number(r.weight)]),
      ).toEqual([
        [7, 0, 'tea', 1, 1, 8],
        [40000, 1, 'tea', 1, 4, 1],
        [70000, 2, '红茶', 0, 1, 8],
      ]);
      await expect(
        persistence.dataSource.query("INSERT INTO product_search_terms (product_id, bucket, term, visible, fields, weight) VALUES (40000, 1, 'tea', 0, 1, 1)"),
      ).rejects.toThrow();
      await persistence.dataSource.query('DELETE FROM product_search_terms');
    } finally {
      await persistence.close();
    }
  });

  if (backend === 'sqlite') {
    it('opens SQLite in WAL mode with foreign keys on and a busy timeout', async () => {
      const persistence = createPersistence({ sqlitePath: path.join(dir, 'pragmas.sqlite'), logger: silent, sqliteBusyTimeoutMs: 4321 });
      try {
        await persistence.migrate();
        const [journal] = await persistence.dataSource.query('PRAGMA journal_mode');
        const [keys] = await persistence.dataSource.query('PRAGMA foreign_keys');
        const [busy] = await persistence.dataSource.query('PRAGMA busy_timeout');
        expect(journal).toEqual({ journal_mode: 'wal' });
        expect(keys).toEqual({ foreign_keys: 1 });
        expect(Object.values(busy)).toEqual([4321]);
      } finally {
        await persistence.close();
      }
    });
  }

  if (backend === 'mysql') {
    it('keeps key columns in utf8mb4_bin, so they compare exactly as on SQLite', async () => {
      const persistence = createPersistence({ databaseUrl: mysql?.url, sqlitePath: path.join(dir, 'unused.sqlite'), logger: silent });
      try {
        expect(await persistence.migrate()).toEqual([]);
        const [charset] = await persistence.dataSource.query(
          "SELECT character_set_name AS charset, collation_name AS collation FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'orders' AND column_name = 'idempotency_key'",
        );
        expect(charset).toEqual({ charset: 'utf8mb4', collation: 'utf8mb4_bin' });
      } finally {
        await persistence.close();
      }
    });
  }
});

describe('createPersistence configuration', () => {
  it('refuses a DATABASE_URL that is not MySQL', () => {
    expect(() => createPersistence({ databaseUrl: 'postgres://u@h/db', sqlitePath: '/tmp/x.sqlite' })).toThrow(/mysql:\/\//);
    expect(() => createPersistence({ databaseUrl: 'mysql://u@h', sqlitePath: '/tmp/x.sqlite' })).toThrow(/names no database/);
  });

  it('reports an unreachable MySQL as StoreUnavailableError and ping() as false', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const persistence = createPersistence({
      databaseUrl: 'mysql://root@127.0.0.1:1/nowhere',
      sqlitePath: '/tmp/unused.sqlite',
      logger: silent,
      connectTimeoutMs: 1000,
    });
    try {
      expect(await persistence.ping()).toBe(false);
      await expect(persistence.uow.run(async () => 'never')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(persistence.migrate()).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await persistence.close();
    }
  });

  (testMysqlUrl() ? it : it.skip)('answers ping() while connected and false once closed', async () => {
    const mysql = await createTestMysqlDatabase();
    const persistence = createPersistence({ databaseUrl: mysql.url, sqlitePath: '/tmp/unused.sqlite', logger: silent });
    try {
      expect(await persistence.ping()).toBe(true);
      await persistence.close();
      expect(await persistence.ping()).toBe(false);
      await expect(persistence.uow.run(async () => 'never')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await persistence.close();
      await mysql.drop();
    }
  });
});
