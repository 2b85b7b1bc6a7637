// Fast seeding: N copies of ONE real order that the shop itself placed through its API (and, for the sandbox, of
// its trade), so benchmarks that need thousands of orders awaiting payment do not spend minutes placing them.
// The copy is generic over the schema: every table with an order_no column is copied row for row, every text
// column with the template's order number, shopper id or idempotency key rewritten, auto-increment ids left to
// the database. Shoppers are spread over `shoppers` copies of the template shopper (their users rows copied too).
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { must } from './must';

export interface Template {
  orderNo: string;
  userId: string;
  idempotencyKey: string;
}

export interface Clones {
  orderNos: string[];
  userIds: string[];
}

interface Column {
  name: string;
  text: boolean;
  autoIncrement: boolean;
}

async function columnsOf(pool: mysql.Pool, table: string): Promise<Column[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT COLUMN_NAME AS name, DATA_TYPE AS type, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [table],
  );
  return rows.map((r) => ({ name: String(r.name), text: /char|text/i.test(String(r.type)), autoIncrement: /auto_increment/i.test(String(r.extra)) }));
}

/** Order number of copy n: the template's timestamp part, then 10 digits of our own (still T + 24 digits). */
export const cloneOrderNo = (template: string, n: number): string => `${template.slice(0, 15)}9${String(n).padStart(9, '0')}`;
export const cloneUserId = (template: string, k: number): string => String(Number(template) + 1 + k);

export async function cloneOrders(pool: mysql.Pool, template: Template, from: number, count: number, shoppers: number): Promise<Clones> {
  const [tables] = await pool.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'order_no' GROUP BY TABLE_NAME",
  );
  // Parents first: orders is what the others reference.
  const names = tables.map((t) => String(t.name)).sort((a, b) => (a === 'orders' ? -1 : b === 'orders' ? 1 : a.localeCompare(b)));
  const conn = await pool.getConnection();
  try {
    await conn.query('CREATE TEMPORARY TABLE bench_seq (n INT PRIMARY KEY)');
    for (let i = 0; i < count; i += 5000) {
      await conn.query('INSERT INTO bench_seq (n) VALUES ?', [Array.from({ length: Math.min(5000, count - i) }, (_, k) => [from + i + k])]);
    }
    const orderExpr = `CONCAT(${conn.escape(template.orderNo.slice(0, 15))}, '9', LPAD(s.n, 9, '0'))`;
    const userExpr = `CAST(${conn.escape(Number(template.userId) + 1)} + MOD(s.n, ${shoppers}) AS CHAR)`;
    const keyExpr = `CONCAT(${conn.escape(template.idempotencyKey)}, '-', s.n)`;
    const rewrite = (c: Column) =>
      c.text
        ? `REPLACE(REPLACE(REPLACE(t.\`${c.name}\`, ${conn.escape(template.orderNo)}, ${orderExpr}), ${conn.escape(template.idempotencyKey)}, ${keyExpr}), ${conn.escape(template.userId)}, ${userExpr})`
        : `t.\`${c.name}\``;
    // The shoppers first (a copied order names them).
    const users = (await columnsOf(pool, 'users')).filter((c) => !c.autoIncrement);
    const [existing] = await conn.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM users WHERE id = ?', [cloneUserId(template.userId, 0)]);
    if (Number(must(existing[0], 'count row').n) === 0) {
      await conn.query(
        `INSERT INTO users (${users.map((c) => `\`${c.name}\``).join(', ')}) SELECT ${users
          .map((c) => (c.name === 'id' ? userExpr : `t.\`${c.name}\``))
          .join(', ')} FROM users t JOIN bench_seq s ON s.n >= ? AND s.n < ? WHERE t.id = ?`,
        [from, from + shoppers, template.userId],
      );
      if (shoppers > count) throw new Error('clone at least as many orders as shoppers');
    }
    for (const table of names) {
      const columns = (await columnsOf(pool, table)).filter((c) => !c.autoIncrement);
      const list = columns.map((c) => `\`${c.name}\``).join(', ');
      await conn.query(
        `INSERT INTO \`${table}\` (${list}) SELECT ${columns.map(rewrite).join(', ')} FROM \`${table}\` t JOIN bench_seq s WHERE t.order_no = ?`,
        [template.orderNo],
      );
    }
    await conn.query('DROP TEMPORARY TABLE bench_seq');
  } finally {
    conn.release();
  }
  return {
    orderNos: Array.from({ length: count }, (_, k) => cloneOrderNo(template.orderNo, from + k)),
    userIds: Array.from({ length: shoppers }, (_, k) => cloneUserId(template.userId, k)),
  };
}

/**
 * The same copies in the in-process sandbox's state log (data/sandbox/state.jsonl, one record a line, the last line
 * of a trade wins), while the shop is stopped: the template's trade copied with the copy's out_trade_no, its own
 * pay-page id and transaction id, appended.
 */
export function cloneSandboxTrades(shopDataDir: string, template: Template, from: number, count: number): void {
  const file = join(shopDataDir, 'sandbox', 'state.jsonl');
  let trade: Record<string, unknown> | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as { trade?: Record<string, unknown> };
    if (record.trade?.outTradeNo === template.orderNo) trade = record.trade;
  }
  if (!trade) throw new Error(`the sandbox state has no trade ${template.orderNo}`);
  const lines: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const n = from + k;
    const copy = JSON.parse(JSON.stringify(trade).split(template.orderNo).join(cloneOrderNo(template.orderNo, n))) as Record<string, unknown>;
    copy.id = `${String(trade.id)}c${n}`;
    if (typeof trade.transactionId === 'string') copy.transactionId = `${trade.transactionId.slice(0, 18)}${String(n).padStart(10, '0')}`;
    lines.push(`${JSON.stringify({ trade: copy })}\n`);
  }
  appendFileSync(file, lines.join(''));
}
