// The bare-SQL references: the statements each use case needs, issued straight over mysql2 (no ORM, no framework),
// in ONE process, with as many concurrent transactions as the shop gets concurrent requests. This is the machine's
// own limit for that transaction; a shop figure divided by it is the ratio the bench reports.
//
// Run by the bench as a child process: BENCH_REF='{"kind":…,"url":…,"connections":…,"seconds":…}'. It seeds its
// own rows first (untimed), then prints one line `RESULT {json}`. Its database is fresh, with the shop's schema
// (the bench ran the shop's migrations on it), and is dropped by the bench afterwards.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { must } from '../support/must';

type Kind = 'qr-order' | 'credit-order' | 'mark-paid' | 'repair';

interface RefOptions {
  kind: Kind;
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** repair: how many dropped payments to settle (the figure is the time for all of them). */
  count?: number;
}

const options = JSON.parse(process.env.BENCH_REF ?? '{}') as RefOptions;
const PRICE = 100;
const SHOPPER_BASE = 500_000_000;
const PAY_WINDOW_MS = 15 * 60_000;
const ACTIVE = "('CREATED','AWAITING_PAYMENT')";
let orderSeq = 0;
const runTag = randomBytes(3).toString('hex');
/** Same shape as the shop's order numbers: T + 14 digits + 10 digits. */
const newOrderNo = () =>
  `T${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}${String(process.pid % 100000).padStart(5, '0')}${String(orderSeq++ % 100000).padStart(5, '0')}`;
const outboxRow = (topic: string, payload: object, dedupe: string, now: number) => [topic, JSON.stringify(payload), dedupe, 'PENDING', 0, now, now, now];
const OUTBOX_COLUMNS = '(topic, payload, dedupe_key, status, attempts, next_attempt_at, created_at, updated_at)';

type Conn = mysql.PoolConnection;

async function seedCatalogAndShoppers(pool: mysql.Pool, shoppers: number, credit: number): Promise<number> {
  const now = Date.now();
  const [made] = await pool.query<mysql.ResultSetHeader>(
    'INSERT INTO products (sku, title, description, kind, price_amount, currency, stock, visible, credit_amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
    [`hot-${runTag}`, 'Hot product', '', 'credit', PRICE, 'CNY', 1_000_000_000, 100, now, now],
  );
  for (let i = 0; i < shoppers; i += 500) {
    const ids = Array.from({ length: Math.min(500, shoppers - i) }, (_, k) => String(SHOPPER_BASE + i + k));
    await pool.query('INSERT INTO users (id, first_name, created_at, updated_at) VALUES ?', [ids.map((id) => [id, 'bench', now, now])]);
    await pool.query('INSERT INTO accounts (user_id, balance, currency, created_at, updated_at) VALUES ?', [ids.map((id) => [id, credit, 'CNY', now, now])]);
  }
  return made.insertId;
}

/** Orders awaiting a QR payment (with their PENDING payment), as a placed QR order leaves them. */
async function seedAwaitingOrders(pool: mysql.Pool, productId: number, count: number, shoppers: number): Promise<string[]> {
  const now = Date.now();
  const orderNos: string[] = [];
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
      no: `B${runTag}${String(i + k).padStart(9, '0')}`,
      user: String(SHOPPER_BASE + ((i + k) % shoppers)),
    }));
    await pool.query(
      'INSERT INTO orders (order_no, user_id, status, currency, total_amount, payment_method, idempotency_key, request_hash, items_key, created_at, expires_at) VALUES ?',
      [batch.map((b) => [b.no, b.user, 'AWAITING_PAYMENT', 'CNY', PRICE, 'wechatpay', `seed-${b.no}`, 'h', `${productId}x1`, now, now + PAY_WINDOW_MS])],
    );
    await pool.query('INSERT INTO order_lines (order_no, line_no, product_id, sku, title, kind, unit_price, quantity, line_total, credit_amount) VALUES ?', [
      batch.map((b) => [b.no, 1, productId, `hot-${runTag}`, 'Hot product', 'credit', PRICE, 1, PRICE, 100]),
    ]);
    await pool.query(
      'INSERT INTO payments (order_no, provider, out_trade_no, amount, currency, status, code_url, expires_at, created_at, next_check_at, check_attempts) VALUES ?',
      [batch.map((b) => [b.no, 'sandbox', b.no, PRICE, 'CNY', 'PENDING', 'weixin://wxpay/bizpayurl?pr=bench', now + PAY_WINDOW_MS, now, now + 60_000, 0])],
    );
    orderNos.push(...batch.map((b) => b.no));
  }
  return orderNos;
}

async function inTransaction<T>(conn: Conn, work: () => Promise<T>): Promise<T> {
  await conn.query('START TRANSACTION');
  try {
    const result = await work();
    await conn.query('COMMIT');
    return result;
  } catch (e) {
    await conn.query('ROLLBACK');
    throw e;
  }
}

/** Place a QR order: everything the shop needs before and after its provider call (which is not SQL, so not here). */
async function qrOrder(conn: Conn, productId: number, shopper: string): Promise<void> {
  const now = Date.now();
  const orderNo = newOrderNo();
  const key = `ref-${orderNo}`;
  await inTransaction(conn, async () => {
    // The shopper's row lock serialises one shopper's placements (key check, unpaid cap).
    await conn.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [shopper]);
    const [seen] = await conn.query<mysql.RowDataPacket[]>('SELECT order_no, request_hash FROM orders WHERE user_id = ? AND idempotency_key = ?', [
      shopper,
      key,
    ]);
    if (seen.length > 0) throw new Error('replay in the reference');
    // One read answers both "is there a reusable unpaid order for these items" and "how many unpaid orders".
    await conn.query(`SELECT order_no, items_key, expires_at FROM orders WHERE user_id = ? AND status IN ${ACTIVE} AND expires_at > ?`, [shopper, now]);
    const [products] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT id, sku, title, kind, price_amount, credit_amount, webhook_url, visible FROM products WHERE id IN (?)',
      [[productId]],
    );
    const p = must(products[0], 'product row');
    await conn.query(
      'INSERT INTO orders (order_no, user_id, status, currency, total_amount, payment_method, idempotency_key, request_hash, items_key, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [orderNo, shopper, 'CREATED', 'CNY', p.price_amount, 'wechatpay', key, 'h', `${productId}x1`, now, now + PAY_WINDOW_MS],
    );
    await conn.query(
      'INSERT INTO order_lines (order_no, line_no, product_id, sku, title, kind, unit_price, quantity, line_total, credit_amount, webhook_url) VALUES (?, 1, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
      [orderNo, productId, p.sku, p.title, p.kind, p.price_amount, p.price_amount, p.credit_amount, p.webhook_url],
    );
    await conn.query(
      'INSERT INTO payments (order_no, provider, out_trade_no, amount, currency, status, expires_at, created_at, check_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
      [orderNo, 'sandbox', orderNo, p.price_amount, 'CNY', 'PENDING', now + PAY_WINDOW_MS, now],
    );
    // The hot row last: its lock is held only until the COMMIT right after.
    const [taken] = await conn.query<mysql.ResultSetHeader>('UPDATE products SET stock = stock - 1 WHERE id = ? AND stock >= 1', [productId]);
    if (taken.affectedRows !== 1) throw new Error('out of stock in the reference');
  });
  // After the provider's code_url (outside any transaction): one statement moves order and payment on.
  await conn.query(
    "UPDATE orders o JOIN payments p ON p.out_trade_no = o.order_no SET o.status = 'AWAITING_PAYMENT', p.code_url = ?, p.next_check_at = ? WHERE o.order_no = ? AND o.status = 'CREATED' AND p.status = 'PENDING'",
    ['weixin://wxpay/bizpayurl?pr=ref', now + 60_000, orderNo],
  );
}

/** Place and pay with credit in one transaction: debit, ledger, payment, the delivery and the notice queued. */
async function creditOrder(conn: Conn, productId: number, shopper: string): Promise<void> {
  const now = Date.now();
  const orderNo = newOrderNo();
  const key = `ref-${orderNo}`;
  await inTransaction(conn, async () => {
    // Shopper and account locked together: the balance read here is the one the debit applies to.
    const [rows] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT u.id, a.balance FROM users u JOIN accounts a ON a.user_id = u.id WHERE u.id = ? FOR UPDATE',
      [shopper],
    );
    const balance = Number(must(rows[0], 'account row').balance);
    const [seen] = await conn.query<mysql.RowDataPacket[]>('SELECT order_no, request_hash FROM orders WHERE user_id = ? AND idempotency_key = ?', [
      shopper,
      key,
    ]);
    if (seen.length > 0) throw new Error('replay in the reference');
    const [products] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT id, sku, title, kind, price_amount, credit_amount, webhook_url, visible FROM products WHERE id IN (?)',
      [[productId]],
    );
    const p = must(products[0], 'product row');
    const amount = Number(p.price_amount);
    await conn.query(
      'INSERT INTO orders (order_no, user_id, status, currency, total_amount, payment_method, idempotency_key, request_hash, items_key, created_at, expires_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [orderNo, shopper, 'PAID', 'CNY', amount, 'credit', key, 'h', `${productId}x1`, now, now + PAY_WINDOW_MS, now],
    );
    await conn.query(
      'INSERT INTO order_lines (order_no, line_no, product_id, sku, title, kind, unit_price, quantity, line_total, credit_amount, webhook_url) VALUES (?, 1, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
      [orderNo, productId, p.sku, p.title, 'manual', amount, amount, null, p.webhook_url],
    );
    const [debited] = await conn.query<mysql.ResultSetHeader>('UPDATE accounts SET balance = balance - ?, updated_at = ? WHERE user_id = ? AND balance >= ?', [
      amount,
      now,
      shopper,
      amount,
    ]);
    if (debited.affectedRows !== 1) throw new Error('insufficient credit in the reference');
    const [entry] = await conn.query<mysql.ResultSetHeader>(
      'INSERT INTO ledger_entries (user_id, amount, balance_after, kind, reason, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [shopper, -amount, balance - amount, 'PURCHASE', `order ${orderNo}`, `order:${orderNo}:payment`, now],
    );
    await conn.query(
      'INSERT INTO payments (order_no, provider, out_trade_no, amount, currency, status, transaction_id, created_at, paid_at, check_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
      [orderNo, 'credit', orderNo, amount, 'CNY', 'SUCCEEDED', `ledger:${entry.insertId}`, now, now],
    );
    await conn.query(`INSERT INTO outbox ${OUTBOX_COLUMNS} VALUES ?`, [
      [
        outboxRow('order.deliver', { orderNo }, `deliver:${orderNo}`, now),
        outboxRow('notify.shopper', { userId: shopper, event: 'ORDER_PAID', orderNo, amount }, `shopper:ORDER_PAID:${orderNo}`, now),
      ],
    ]);
    const [taken] = await conn.query<mysql.ResultSetHeader>('UPDATE products SET stock = stock - 1 WHERE id = ? AND stock >= 1', [productId]);
    if (taken.affectedRows !== 1) throw new Error('out of stock in the reference');
  });
}

/** A verified notification applied: one conditional transition, the payment settled, delivery and notice queued. */
async function markPaid(conn: Conn, orderNo: string): Promise<void> {
  const now = Date.now();
  await inTransaction(conn, async () => {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT p.order_no, p.amount, p.currency, p.status, p.transaction_id, o.user_id FROM payments p JOIN orders o ON o.order_no = p.order_no WHERE p.out_trade_no = ?',
      [orderNo],
    );
    const row = must(rows[0], 'payable order row');
    const [moved] = await conn.query<mysql.ResultSetHeader>(`UPDATE orders SET status = 'PAID', paid_at = ? WHERE order_no = ? AND status IN ${ACTIVE}`, [
      now,
      orderNo,
    ]);
    if (moved.affectedRows !== 1) throw new Error('not payable in the reference');
    await conn.query("UPDATE payments SET status = 'SUCCEEDED', transaction_id = ?, paid_at = ? WHERE out_trade_no = ? AND status = 'PENDING'", [
      `4200${orderNo}`,
      now,
      orderNo,
    ]);
    await conn.query(`INSERT INTO outbox ${OUTBOX_COLUMNS} VALUES ?`, [
      [
        outboxRow('order.deliver', { orderNo }, `deliver:${orderNo}`, now),
        outboxRow('notify.shopper', { userId: row.user_id, event: 'ORDER_PAID', orderNo, amount: row.amount }, `shopper:ORDER_PAID:${orderNo}`, now),
      ],
    ]);
  });
}

/** Delivering a paid credit pack: the top-up exactly once (unique ledger reference), the order DELIVERED, the notice. */
async function deliverCreditPack(conn: Conn, orderNo: string): Promise<void> {
  const now = Date.now();
  await inTransaction(conn, async () => {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(
      "SELECT o.user_id, l.line_no, l.credit_amount, l.quantity FROM orders o JOIN order_lines l ON l.order_no = o.order_no WHERE o.order_no = ? AND o.status = 'PAID'",
      [orderNo],
    );
    const line = must(rows[0], 'order line row');
    const amount = Number(line.credit_amount) * Number(line.quantity);
    await conn.query(
      'INSERT INTO accounts (user_id, balance, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance), updated_at = VALUES(updated_at)',
      [line.user_id, amount, 'CNY', now, now],
    );
    const [acc] = await conn.query<mysql.RowDataPacket[]>('SELECT balance FROM accounts WHERE user_id = ?', [line.user_id]);
    await conn.query('INSERT INTO ledger_entries (user_id, amount, balance_after, kind, reason, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      line.user_id,
      amount,
      must(acc[0], 'account row').balance,
      'TOP_UP',
      `order ${orderNo}`,
      `order:${orderNo}:line:${line.line_no}`,
      now,
    ]);
    await conn.query("UPDATE orders SET status = 'DELIVERED', delivered_at = ? WHERE order_no = ? AND status = 'PAID'", [now, orderNo]);
    await conn.query(`INSERT INTO outbox ${OUTBOX_COLUMNS} VALUES ?`, [
      [outboxRow('notify.shopper', { userId: line.user_id, event: 'ORDER_DELIVERED', orderNo }, `shopper:ORDER_DELIVERED:${orderNo}`, now)],
    ]);
    await conn.query("UPDATE outbox SET status = 'DONE', updated_at = ? WHERE dedupe_key = ? AND status = 'PENDING'", [now, `deliver:${orderNo}`]);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const { kind, connections } = options;
  const pool = mysql.createPool({ uri: options.url, connectionLimit: connections, supportBigNumbers: true, bigNumberStrings: false, waitForConnections: true });
  // Isolation set once per connection, as a tuned shop would; READ COMMITTED like the shop.
  pool.on('connection', (c) => c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
  // Shoppers: one per client and, as in the shop's load, a fresh one every 90 orders (the unpaid-order cap).
  const shoppersNeeded = kind === 'qr-order' ? connections * 200 : kind === 'credit-order' ? connections : 2000;
  const productId = await seedCatalogAndShoppers(pool, Math.max(shoppersNeeded, 64), 1_000_000_000);
  const shopperOf = (client: number, n: number) => String(SHOPPER_BASE + (kind === 'qr-order' ? client * 200 + Math.floor(n / 90) : client));

  let queue: string[] = [];
  if (kind === 'mark-paid' || kind === 'repair') {
    const count = kind === 'repair' ? (options.count ?? 10_000) : Math.max(20_000, connections * 400);
    queue = await seedAwaitingOrders(pool, productId, count, 2000);
  }

  // Taken only now: the seeding above needs free connections from the same pool.
  const conns = await Promise.all(Array.from({ length: connections }, () => pool.getConnection()));
  const latencies: number[] = [];
  let done = 0;
  const started = performance.now();
  const measureFrom = kind === 'repair' ? started : started + options.warmupSeconds * 1000;
  const stopAt = kind === 'repair' ? Number.POSITIVE_INFINITY : measureFrom + options.seconds * 1000;
  let lastFinished = measureFrom;
  const op = async (client: number, n: number): Promise<boolean> => {
    const conn = must(conns[client], 'connection');
    if (kind === 'qr-order') await qrOrder(conn, productId, shopperOf(client, n));
    else if (kind === 'credit-order') await creditOrder(conn, productId, shopperOf(client, n));
    else {
      const orderNo = queue.pop();
      if (!orderNo) return false;
      await markPaid(conn, orderNo);
      if (kind === 'repair') await deliverCreditPack(conn, orderNo);
    }
    return true;
  };
  await Promise.all(
    conns.map(async (_c, client) => {
      for (let n = 0; performance.now() < stopAt; n += 1) {
        const t0 = performance.now();
        if (!(await op(client, n))) return;
        const t1 = performance.now();
        if (t0 >= measureFrom) {
          done += 1;
          latencies.push(t1 - t0);
          lastFinished = Math.max(lastFinished, t1);
        }
      }
    }),
  );
  const seconds = (lastFinished - measureFrom) / 1000;
  latencies.sort((a, b) => a - b);
  for (const c of conns) c.release();
  await pool.end();
  console.log(`RESULT ${JSON.stringify({ kind, done, seconds, perSecond: done / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) })}`);
}

main().catch((e) => {
  console.error(`bare-sql ${options.kind}: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
