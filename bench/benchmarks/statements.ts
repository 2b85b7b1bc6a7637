// statements: what ONE request of each kind sends to the database, counted by a mysql2 tap preloaded into the
// shop (bench/statements/sql-tap.js: every query/execute, BEGIN/COMMIT included, as the general log shows them).
// The part a request runs before the first outbox claim is the request's; what the outbox dispatcher runs after
// the commit (delivery, notices, the outbox's own bookkeeping) is listed apart. Full listing:
// bench/results/statements.txt.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Figure, figure } from '../support/figures';
import { ShopClient } from '../support/shop-client';
import { REPO_ROOT } from '../support/shop-process';
import { readSandboxKeys, signNotification } from '../support/wechatpay-notify';
import { BenchContext, withWorld } from '../support/world';

/** The bare references' statements for the same use cases (bench/references/bare-sql.ts), BEGIN/COMMIT counted. */
const BARE: Record<string, { statements: number; transactions: number }> = {
  'QR place-order': { statements: 11, transactions: 1 },
  'credit place-and-pay': { statements: 12, transactions: 1 },
  'verified notification': { statements: 6, transactions: 1 },
  'delivery of a credit pack': { statements: 9, transactions: 1 },
  'GET /v1/products': { statements: 2, transactions: 0 },
  'GET /v1/products/:id': { statements: 1, transactions: 0 },
};

/** Hourly: no scheduled job fires during the capture (the outbox is still kicked after each commit). */
const QUIET_JOBS = Object.fromEntries(
  ['OUTBOX_DISPATCH', 'RETRY_DELIVERIES', 'REPAIR_DROPPED_PAYMENTS', 'CLOSE_EXPIRED_ORDERS', 'RETRY_PREPAY', 'SYNC_REFUNDS'].map((job) => [
    `JOB_${job}_SCHEDULE`,
    '0 0 * * * *',
  ]),
);

interface Statement {
  conn: string;
  sql: string;
}

interface Unit {
  conn: string;
  statements: string[];
  transaction: boolean;
}

/** Groups the tapped statements into transactions per connection (SET TRANSACTION … START … COMMIT) and single statements. */
function units(lines: Statement[]): Unit[] {
  const open = new Map<string, Unit>();
  const out: Unit[] = [];
  for (const { conn, sql } of lines) {
    let unit = open.get(conn);
    if (!unit && /^(SET TRANSACTION|START TRANSACTION|BEGIN)/i.test(sql)) {
      unit = { conn, statements: [], transaction: true };
      open.set(conn, unit);
      out.push(unit);
    }
    if (unit) {
      unit.statements.push(sql);
      if (/^(COMMIT|ROLLBACK)/i.test(sql)) open.delete(conn);
    } else out.push({ conn, statements: [sql], transaction: false });
  }
  return out;
}

const tablesOf = (u: Unit): string[] => [
  ...new Set(u.statements.flatMap((s) => [...s.matchAll(/(?:FROM|INTO|UPDATE|JOIN)\s+`?(\w+)`?/gi)].map((m) => m[1] ?? ''))),
];
const isClaim = (u: Unit) => u.statements.some((s) => /FROM `outbox`.*PENDING/i.test(s) && /^SELECT/i.test(s));

const writesShopTables = (u: Unit) => u.statements.some((s) => /^(INSERT INTO|UPDATE) `?(?!outbox)\w+/i.test(s));

/**
 * The delivery handler's units are those that write the shop's tables (the claim of the order, top-up, codes) and
 * the read of the order just before such a write on the same connection; the rest are the notices' reads (the
 * order rendered for the chat, the shopper's language) and the outbox's own claim/complete bookkeeping.
 */
function deliveryUnits(after: Unit[]): Set<Unit> {
  const delivery = new Set(after.filter(writesShopTables));
  for (const u of [...delivery]) {
    const before = after
      .slice(0, after.indexOf(u))
      .reverse()
      .find((p) => p.conn === u.conn);
    if (before && !writesShopTables(before) && tablesOf(before).includes('orders')) delivery.add(before);
  }
  return delivery;
}

interface Captured {
  name: string;
  request: Unit[];
  after: Unit[];
}

const count = (us: Unit[]) => ({ statements: us.reduce((n, u) => n + u.statements.length, 0), transactions: us.filter((u) => u.transaction).length });

async function quiet(file: string): Promise<void> {
  let size = existsSync(file) ? statSync(file).size : 0;
  for (let still = 0; still < 8;) {
    await new Promise((r) => setTimeout(r, 150));
    const now = existsSync(file) ? statSync(file).size : 0;
    still = now === size ? still + 1 : 0;
    size = now;
  }
}

export async function statements(ctx: BenchContext): Promise<Figure[]> {
  return withWorld(ctx, 'statements', async (world) => {
    const tap = join(world.dataDir, 'sql-tap.log');
    const shop = await world.startShop({ env: { BENCH_SQL_TAP: tap, ...QUIET_JOBS }, nodeArgs: ['-r', join(REPO_ROOT, 'bench', 'statements', 'sql-tap.js')] });
    const client = new ShopClient(shop.base);
    const pack = await client.createProduct({
      sku: 'pack',
      title: 'Credit pack',
      kind: 'credit',
      price: { amount: 100, currency: 'CNY' },
      creditAmount: 100,
      stock: 1000,
    });
    const code = await client.createProduct({ sku: 'code', title: 'Game code', kind: 'code', price: { amount: 1, currency: 'CNY' } });
    await client.addCodes(code, ['CODE-A', 'CODE-B']);
    for (let i = 0; i < 18; i += 1)
      await client.createProduct({ sku: `item-${i}`, title: `Item ${i}`, kind: 'manual', price: { amount: 10, currency: 'CNY' }, stock: 10 });
    const qrShopper = 301;
    const creditShopper = 302;
    await client.register(qrShopper);
    await client.giveCredit(creditShopper, 1000);
    const keys = readSandboxKeys(world.dataDir);
    const captured: Captured[] = [];
    const capture = async (name: string, request: () => Promise<void>) => {
      await quiet(tap);
      const offset = existsSync(tap) ? readFileSync(tap, 'utf8').length : 0;
      await request();
      await quiet(tap);
      const lines = readFileSync(tap, 'utf8')
        .slice(offset)
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [, conn, sql] = l.split('\t');
          return { conn: conn ?? '', sql: sql ?? '' };
        });
      const all = units(lines);
      const claim = all.findIndex(isClaim);
      captured.push({ name, request: claim < 0 ? all : all.slice(0, claim), after: claim < 0 ? [] : all.slice(claim) });
    };
    const run = randomBytes(3).toString('hex');
    let qrOrderNo = '';
    await capture('QR place-order', async () => {
      qrOrderNo = (await client.placeOrder(qrShopper, `st-qr-${run}`, [{ productId: pack, quantity: 1 }], 'wechatpay')).orderNo;
    });
    await capture('credit place-and-pay', async () => {
      await client.placeOrder(creditShopper, `st-cr-${run}`, [{ productId: code, quantity: 1 }], 'credit');
    });
    await capture('verified notification', async () => {
      const n = await signNotification(keys, {
        outTradeNo: qrOrderNo,
        total: 100,
        currency: 'CNY',
        transactionId: `4200${qrOrderNo.slice(1)}`,
        paidAt: new Date(),
      });
      const res = await fetch(`${shop.base}/v1/payments/wechatpay/notify`, { method: 'POST', headers: n.headers, body: n.body });
      if (res.status !== 204) throw new Error(`notification refused: ${res.status} ${await res.text()}`);
    });
    await capture('GET /v1/products', async () => {
      await client.request('GET', '/v1/products');
    });
    await capture('GET /v1/products/:id', async () => {
      await client.request('GET', `/v1/products/${pack}`);
    });

    // The after-commit parts: the delivery each purchase triggered.
    const rows: Array<{ name: string; units: Unit[]; bare?: { statements: number; transactions: number } }> = [];
    for (const c of captured) {
      rows.push({ name: c.name, units: c.request, bare: BARE[c.name] });
      if (c.after.length === 0) continue;
      const deliveryName = c.name === 'credit place-and-pay' ? 'delivery of a code product' : 'delivery of a credit pack';
      const delivery = deliveryUnits(c.after);
      rows.push({ name: deliveryName, units: c.after.filter((u) => delivery.has(u)), bare: BARE[deliveryName] });
      rows.push({ name: `${deliveryName}: notices + outbox bookkeeping`, units: c.after.filter((u) => !delivery.has(u)) });
    }
    const listing = rows
      .map((r) => {
        const n = count(r.units);
        const body = r.units
          .map(
            (u, i) => `  ${u.transaction ? `tx ${i + 1}` : `stmt ${i + 1}`} (conn ${u.conn}):\n${u.statements.map((s) => `    ${s.slice(0, 220)}`).join('\n')}`,
          )
          .join('\n');
        return `== ${r.name}: ${n.statements} statements, ${n.transactions} transactions\n${body}`;
      })
      .join('\n\n');
    const dir = join(REPO_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'statements.txt'), `${listing}\n`);
    ctx.log('statements: listing written to bench/results/statements.txt');
    return rows.map((r) => {
      const n = count(r.units);
      return figure({
        benchmark: 'statements',
        figure: r.name,
        unit: 'stmts',
        shop: n.statements,
        reference: r.bare ? r.bare.statements : null,
        referenceName: r.bare ? 'bare reference' : null,
        better: 'lower',
        notes: [`${n.transactions} transactions${r.bare ? ` (bare: ${r.bare.statements} statements in ${r.bare.transactions})` : ''}`],
      });
    });
  });
}
