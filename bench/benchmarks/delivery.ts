// delivery: paid → delivered latency on a quiet shop, paced (15/s by default), for a credit pack paid by QR (from
// the moment its notification is sent to the order's delivered_at) and a code product bought with credit (from the
// order's paid_at to its delivered_at). Both clocks are this machine's.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { cloneOrders, Template } from '../support/clone-orders';
import { countWhere, percentile, waitForCount } from '../support/db-wait';
import { Figure, figure } from '../support/figures';
import { ShopClient, inParallel } from '../support/shop-client';
import { PaidTrade, readSandboxKeys, SignedNotification, signMany } from '../support/wechatpay-notify';
import { BenchContext, withWorld } from '../support/world';
import { must } from '../support/must';

const PRICE = 100;
const TEMPLATE_SHOPPER = 778_000_000;
const NOTIFY_PATH = '/v1/payments/wechatpay/notify';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function delivery(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  return withWorld(ctx, 'delivery', async (world) => {
    const shop = await world.startShop({ env: { PAYMENT_FIRST_CHECK_SECONDS: '3600' } });
    const client = new ShopClient(shop.base);
    const productId = await client.createProduct({
      sku: 'pack',
      title: 'Credit pack',
      kind: 'credit',
      price: { amount: PRICE, currency: 'CNY' },
      creditAmount: 100,
      stock: 1_000_000_000,
    });
    await client.register(TEMPLATE_SHOPPER);
    const template: Template = { orderNo: '', userId: String(TEMPLATE_SHOPPER), idempotencyKey: `benchtpl-${randomBytes(4).toString('hex')}` };
    template.orderNo = (await client.placeOrder(TEMPLATE_SHOPPER, template.idempotencyKey, [{ productId, quantity: 1 }], 'wechatpay')).orderNo;
    const clones = await cloneOrders(world.db.pool, template, 1, settings.latencyOrders, Math.min(100, settings.latencyOrders));
    const keys = readSandboxKeys(world.dataDir);
    const signed = await signMany(
      keys,
      clones.orderNos.map((no, i): PaidTrade => ({
        outTradeNo: no,
        total: PRICE,
        currency: 'CNY',
        transactionId: `4200${no.slice(1)}${i % 10}`,
        paidAt: new Date(),
      })),
    );
    return [await creditPackLatency(ctx, world.db.pool, shop.base, signed), await codeLatency(ctx, world.db.pool, client)];
  });
}

/** Paced notifications for credit packs; latency from sending the notification to the order's delivered_at. */
async function creditPackLatency(ctx: BenchContext, pool: mysql.Pool, base: string, signed: SignedNotification[]): Promise<Figure> {
  const { settings } = ctx;
  ctx.log(`delivery: credit pack paid → delivered, ${signed.length} at ${settings.latencyRate}/s`);
  const sentAt = new Map<string, number>();
  const started = Date.now();
  const inFlight: Array<Promise<unknown>> = [];
  for (let i = 0; i < signed.length; i += 1) {
    const wait = started + (i * 1000) / settings.latencyRate - Date.now();
    if (wait > 0) await sleep(wait);
    const n = must(signed[i], 'signed notification');
    sentAt.set(n.outTradeNo, Date.now());
    inFlight.push(fetch(`${base}${NOTIFY_PATH}`, { method: 'POST', headers: n.headers, body: n.body }).then((r) => r.arrayBuffer()));
  }
  await Promise.all(inFlight);
  const orderNos = [...sentAt.keys()];
  const delivered = () => countWhere(pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'DELIVERED' AND order_no IN (?)", [orderNos]);
  const done = await waitForCount(delivered, orderNos.length, 120_000, 250);
  const [rows] = await pool.query<import('mysql2').RowDataPacket[]>(
    'SELECT order_no, delivered_at FROM orders WHERE order_no IN (?) AND delivered_at IS NOT NULL',
    [orderNos],
  );
  const latencies = rows.map((r) => Number(r.delivered_at) - (sentAt.get(String(r.order_no)) ?? Number.NaN)).filter(Number.isFinite);
  return figure({
    benchmark: 'delivery',
    figure: 'credit pack: notification sent → delivered',
    unit: 'ms',
    shop: percentile(latencies, 50),
    reference: null,
    referenceName: null,
    better: 'lower',
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    notes: [`${latencies.length} of ${orderNos.length} delivered, paced at ${settings.latencyRate}/s${done.ms === null ? ' (timed out)' : ''}`],
  });
}

/** Paced credit purchases of a code product; latency from the order's paid_at to its delivered_at. */
async function codeLatency(ctx: BenchContext, pool: mysql.Pool, client: ShopClient): Promise<Figure> {
  const { settings } = ctx;
  const count = settings.latencyOrders;
  ctx.log(`delivery: code product paid → delivered, ${count} at ${settings.latencyRate}/s`);
  const codeProduct = await client.createProduct({ sku: 'code', title: 'Game code', kind: 'code', price: { amount: 1, currency: 'CNY' } });
  await client.addCodes(
    codeProduct,
    Array.from({ length: count }, (_, i) => `CODE-${i}-${randomBytes(4).toString('hex')}`),
  );
  const shoppers = Array.from({ length: 16 }, (_, i) => 888_000_000 + i);
  await inParallel(shoppers, 8, (id) => client.giveCredit(id, 1_000_000));
  const run = randomBytes(3).toString('hex');
  const started = Date.now();
  const orderNos: string[] = [];
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < count; i += 1) {
    const wait = started + (i * 1000) / settings.latencyRate - Date.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      client
        .placeOrder(must(shoppers[i % shoppers.length], 'shopper'), `code-${run}-${i}`, [{ productId: codeProduct, quantity: 1 }], 'credit')
        .then((o) => void orderNos.push(o.orderNo)),
    );
  }
  await Promise.all(inFlight);
  const delivered = () => countWhere(pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'DELIVERED' AND order_no IN (?)", [orderNos]);
  const done = await waitForCount(delivered, orderNos.length, 120_000, 250);
  const [rows] = await pool.query<import('mysql2').RowDataPacket[]>(
    'SELECT paid_at, delivered_at FROM orders WHERE order_no IN (?) AND delivered_at IS NOT NULL',
    [orderNos],
  );
  const latencies = rows.map((r) => Number(r.delivered_at) - Number(r.paid_at));
  return figure({
    benchmark: 'delivery',
    figure: 'code product (credit): paid → delivered',
    unit: 'ms',
    shop: percentile(latencies, 50),
    reference: null,
    referenceName: null,
    better: 'lower',
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    notes: [`${latencies.length} of ${orderNos.length} delivered, paced at ${settings.latencyRate}/s${done.ms === null ? ' (timed out)' : ''}`],
  });
}
