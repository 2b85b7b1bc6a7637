// notifications: verified payment notifications applied per second (64 concurrent, each signed with the platform
// key and AES-256-GCM encrypted with the APIv3 key, for a distinct order awaiting payment), against the bare-SQL
// mark-paid transaction. Then paid → delivered latency, paced, for a credit pack paid by QR (from the moment its
// notification is sent) and a code product paid with credit (from its paid_at).
import { randomBytes } from 'node:crypto';
import { cloneOrders, Template } from '../support/clone-orders';
import { countWhere, percentile, waitForCount } from '../support/db-wait';
import { Figure, figure } from '../support/figures';
import { runLoad } from '../support/load';
import { profilingArgs } from '../support/profiling';
import { runBareSql } from '../support/references';
import { ShopClient, inParallel } from '../support/shop-client';
import { PaidTrade, readSandboxKeys, SignedNotification, signMany } from '../support/wechatpay-notify';
import { BenchContext, withWorld } from '../support/world';

const PRICE = 100;
const TEMPLATE_SHOPPER = 777_000_000;
const CLONE_SHOPPERS = 500;
const NOTIFY_PATH = '/v1/payments/wechatpay/notify';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function notifications(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  ctx.log('notifications: bare-SQL mark-paid reference');
  const bare = await runBareSql(settings, 'mark-paid');
  return withWorld(ctx, 'notifications', async (world) => {
    // No repair query for the copies during the run (they have no trade at the sandbox; the provider is not asked).
    const shop = await world.startShop({ env: { PAYMENT_FIRST_CHECK_SECONDS: '3600' }, nodeArgs: profilingArgs('notifications') });
    const client = new ShopClient(shop.base);
    const productId = await client.createProduct({ sku: 'pack', title: 'Credit pack', kind: 'credit', price: { amount: PRICE, currency: 'CNY' }, creditAmount: 100, stock: 1_000_000_000 });
    await client.register(TEMPLATE_SHOPPER);
    const template: Template = { orderNo: '', userId: String(TEMPLATE_SHOPPER), idempotencyKey: `benchtpl-${randomBytes(4).toString('hex')}` };
    const placed = await client.placeOrder(TEMPLATE_SHOPPER, template.idempotencyKey, [{ productId, quantity: 1 }], 'wechatpay');
    if (placed.status !== 'AWAITING_PAYMENT') throw new Error(`the template order is ${placed.status}, not AWAITING_PAYMENT`);
    template.orderNo = placed.orderNo;
    const keys = readSandboxKeys(world.dataDir);
    let from = 1;
    const ordersAwaiting = async (count: number): Promise<string[]> => {
      const made = await cloneOrders(world.db.pool, template, from, count, CLONE_SHOPPERS);
      from += count;
      return made.orderNos;
    };
    const sign = (orderNos: string[]): Promise<SignedNotification[]> =>
      signMany(keys, orderNos.map((no, i): PaidTrade => ({ outTradeNo: no, total: PRICE, currency: 'CNY', transactionId: `4200${no.slice(1)}${String(i % 10)}`, paidAt: new Date() })));
    const send = (list: SignedNotification[], seconds: number, warmupSeconds: number) => {
      let next = 0;
      return runLoad({
        base: shop.base,
        connections: settings.connections,
        seconds,
        warmupSeconds,
        expect: (s) => s === 204 || s === 200,
        next: () => {
          const n = list[next++];
          return n ? { method: 'POST', path: NOTIFY_PATH, headers: n.headers, body: n.body } : null;
        },
      });
    };

    // A short probe tells how many the shop takes per second, so only that many (×1.5) are signed for the run.
    ctx.log('notifications: probe');
    const probe = await send(await sign(await ordersAwaiting(Math.max(CLONE_SHOPPERS, settings.connections * 8))), 60, 0);
    const planned = Math.min(60_000, Math.ceil(probe.perSecond * (settings.seconds + settings.warmupSeconds) * 1.5) + 200);
    ctx.log(`notifications: probe ${probe.perSecond.toFixed(0)}/s; signing ${planned}`);
    const signed = await sign(await ordersAwaiting(planned));
    const load = await send(signed, settings.seconds, settings.warmupSeconds);
    const notes = [`${load.ok} applied in ${load.seconds.toFixed(1)} s measured (${planned} prepared)`];
    if (load.failed > 0) notes.push(`${load.failed} refused: ${load.failures.join(' | ')}`);
    if (load.ok + load.failed >= planned * 0.95) notes.push('the prepared notifications ran out: the rate is from the time they lasted');

    // Everything the run queued (deliveries, then the shopper notices) drains before latency is measured on a quiet
    // shop: the outbox is one queue, and new deliveries would otherwise wait behind thousands of notices.
    const pending = () => countWhere(world.db.pool, "SELECT COUNT(*) AS n FROM outbox WHERE status = 'PENDING'");
    const drained = await waitForCount(async () => -(await pending()), 0, 300_000, 500);
    notes.push(drained.ms === null ? `outbox still had ${-drained.last} pending messages after 300 s` : `the outbox (deliveries + notices) drained ${(drained.ms / 1000).toFixed(1)} s after the load`);
    const figures = [
      figure({
        benchmark: 'notifications',
        figure: 'verified notifications applied',
        unit: '/s',
        shop: load.perSecond,
        reference: bare.perSecond,
        referenceName: 'bare SQL mark-paid tx',
        better: 'higher',
        p50: load.p50,
        p99: load.p99,
        refP50: bare.p50,
        refP99: bare.p99,
        target: '≥ 0.6× bare',
        notes,
      }),
    ];
    figures.push(await creditPackLatency(ctx, world.db.pool, shop.base, await sign(await ordersAwaiting(settings.latencyOrders))));
    figures.push(await codeLatency(ctx, world.db.pool, client));
    return figures;
  });
}

/** Paced notifications for credit packs; latency from sending the notification to the order's delivered_at. */
async function creditPackLatency(ctx: BenchContext, pool: import('mysql2/promise').Pool, base: string, signed: SignedNotification[]): Promise<Figure> {
  const { settings } = ctx;
  ctx.log(`notifications: credit pack paid → delivered, ${signed.length} at ${settings.latencyRate}/s`);
  const sentAt = new Map<string, number>();
  const started = Date.now();
  const inFlight: Array<Promise<unknown>> = [];
  for (let i = 0; i < signed.length; i += 1) {
    const wait = started + (i * 1000) / settings.latencyRate - Date.now();
    if (wait > 0) await sleep(wait);
    const n = signed[i];
    sentAt.set(n.outTradeNo, Date.now());
    inFlight.push(fetch(`${base}${NOTIFY_PATH}`, { method: 'POST', headers: n.headers, body: n.body }).then((r) => r.arrayBuffer()));
  }
  await Promise.all(inFlight);
  const orderNos = [...sentAt.keys()];
  const delivered = () => countWhere(pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'DELIVERED' AND order_no IN (?)", [orderNos]);
  const done = await waitForCount(delivered, orderNos.length, 120_000, 250);
  const [rows] = await pool.query<import('mysql2').RowDataPacket[]>('SELECT order_no, delivered_at FROM orders WHERE order_no IN (?) AND delivered_at IS NOT NULL', [orderNos]);
  const latencies = rows.map((r) => Number(r.delivered_at) - (sentAt.get(String(r.order_no)) ?? Number.NaN)).filter(Number.isFinite);
  return figure({
    benchmark: 'notifications',
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
async function codeLatency(ctx: BenchContext, pool: import('mysql2/promise').Pool, client: ShopClient): Promise<Figure> {
  const { settings } = ctx;
  const count = settings.latencyOrders;
  ctx.log(`notifications: code product paid → delivered, ${count} at ${settings.latencyRate}/s`);
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
    inFlight.push(client.placeOrder(shoppers[i % shoppers.length], `code-${run}-${i}`, [{ productId: codeProduct, quantity: 1 }], 'credit').then((o) => void orderNos.push(o.orderNo)));
  }
  await Promise.all(inFlight);
  const delivered = () => countWhere(pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'DELIVERED' AND order_no IN (?)", [orderNos]);
  const done = await waitForCount(delivered, orderNos.length, 120_000, 250);
  const [rows] = await pool.query<import('mysql2').RowDataPacket[]>('SELECT paid_at, delivered_at FROM orders WHERE order_no IN (?) AND delivered_at IS NOT NULL', [orderNos]);
  const latencies = rows.map((r) => Number(r.delivered_at) - Number(r.paid_at));
  return figure({
    benchmark: 'notifications',
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
