// qr-order and credit-order: POST /v1/orders at 64 concurrent shoppers on ONE hot product, against the bare-SQL
// transaction the use case needs (bench/references/bare-sql.ts), measured seconds apart on the same machine.
import { randomBytes } from 'node:crypto';
import { Figure, figure } from '../support/figures';
import { runLoad } from '../support/load';
import { profilingArgs } from '../support/profiling';
import { runBareSql } from '../support/references';
import { ShopClient, inParallel, shopperAuth } from '../support/shop-client';
import { rssMb } from '../support/shop-process';
import { BenchContext, withWorld } from '../support/world';
import { must } from '../support/must';

/** One shopper per client, and a fresh one every 90 orders: a shopper may hold at most 100 unpaid QR orders. */
const QR_ORDERS_PER_SHOPPER = 90;
const QR_SHOPPER_BASE = 100_000_000;
const CREDIT_SHOPPER_BASE = 200_000_000;

/** An unpaid order is never handed back (reuse needs more life left than the pay window has), so every request places. */
const QR_ENV = {
  MAX_UNPAID_ORDERS: '100',
  MAX_RESERVED_PER_PRODUCT: '100',
  MAX_RESERVED_UNITS: '100',
  ORDER_REUSE_MIN_REMAINING_SECONDS: '3600',
  ORDER_PAY_WINDOW_MINUTES: '15',
};

export async function qrOrder(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  ctx.log('qr-order: bare-SQL reference');
  const bare = await runBareSql(settings, 'qr-order');
  return withWorld(ctx, 'qr-order', async (world) => {
    const shop = await world.startShop({ env: QR_ENV, nodeArgs: profilingArgs('qr-order') });
    const client = new ShopClient(shop.base);
    const productId = await client.createProduct({
      sku: 'hot-pack',
      title: 'Hot credit pack',
      kind: 'credit',
      price: { amount: 100, currency: 'CNY' },
      creditAmount: 100,
      stock: 1_000_000_000,
    });
    const auth = new Map<number, string>();
    const authOf = (id: number) => auth.get(id) ?? (auth.set(id, shopperAuth(id)), auth.get(id) as string);
    const run = randomBytes(3).toString('hex');
    const body = JSON.stringify({ items: [{ productId, quantity: 1 }], paymentMethod: 'wechatpay' });
    ctx.log(`qr-order: shop load (${settings.connections} shoppers, ${settings.seconds} s)`);
    const load = await runLoad({
      base: shop.base,
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      expect: (s) => s === 201,
      next: (c, n) => ({
        method: 'POST',
        path: '/v1/orders',
        headers: {
          authorization: authOf(QR_SHOPPER_BASE + c * 1000 + Math.floor(n / QR_ORDERS_PER_SHOPPER)),
          'idempotency-key': `qr-${run}-${c}-${n}`,
          'content-type': 'application/json',
        },
        body,
      }),
    });
    const rss = rssMb(shop.pid);
    const [rows] = await world.db.pool.query<import('mysql2').RowDataPacket[]>("SELECT COUNT(*) AS n FROM orders WHERE status = 'AWAITING_PAYMENT'");
    const notes = [
      `${load.ok} orders in ${load.seconds.toFixed(1)} s measured, ${Number(must(rows[0], 'count row').n)} awaiting payment in all (warm-up included)`,
    ];
    if (load.failed > 0) notes.push(`${load.failed} failed: ${load.failures.join(' | ')}`);
    return [
      figure({
        benchmark: 'qr-order',
        figure: 'POST /v1/orders wechatpay (sandbox in-process)',
        unit: 'orders/s',
        shop: load.perSecond,
        reference: bare.perSecond,
        referenceName: 'bare SQL place-order tx + code_url update',
        better: 'higher',
        p50: load.p50,
        p99: load.p99,
        refP50: bare.p50,
        refP99: bare.p99,
        target: '≥ 0.5× bare, p99 ≤ 100 ms',
        notes,
      }),
      figure({ benchmark: 'qr-order', figure: 'RSS after the load', unit: 'MB', shop: rss, reference: null, referenceName: null, better: 'lower' }),
    ];
  });
}

export async function creditOrder(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  ctx.log('credit-order: bare-SQL reference');
  const bare = await runBareSql(settings, 'credit-order');
  return withWorld(ctx, 'credit-order', async (world) => {
    const shop = await world.startShop({ nodeArgs: profilingArgs('credit-order') });
    const client = new ShopClient(shop.base);
    const productId = await client.createProduct({
      sku: 'hot-service',
      title: 'Hot service',
      kind: 'manual',
      price: { amount: 1, currency: 'CNY' },
      stock: 1_000_000_000,
    });
    const shoppers = Array.from({ length: settings.connections }, (_, c) => CREDIT_SHOPPER_BASE + c);
    await inParallel(shoppers, 8, (id) => client.giveCredit(id, 1_000_000_000));
    const auth = shoppers.map((id) => shopperAuth(id));
    const run = randomBytes(3).toString('hex');
    const body = JSON.stringify({ items: [{ productId, quantity: 1 }], paymentMethod: 'credit' });
    ctx.log(`credit-order: shop load (${settings.connections} shoppers, ${settings.seconds} s)`);
    const load = await runLoad({
      base: shop.base,
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      expect: (s) => s === 201,
      next: (c, n) => ({
        method: 'POST',
        path: '/v1/orders',
        headers: { authorization: must(auth[c], 'auth header'), 'idempotency-key': `cr-${run}-${c}-${n}`, 'content-type': 'application/json' },
        body,
      }),
    });
    const rss = rssMb(shop.pid);
    const notes = [`${load.ok} orders in ${load.seconds.toFixed(1)} s measured`];
    if (load.failed > 0) notes.push(`${load.failed} failed: ${load.failures.join(' | ')}`);
    return [
      figure({
        benchmark: 'credit-order',
        figure: 'POST /v1/orders credit (place and pay)',
        unit: 'orders/s',
        shop: load.perSecond,
        reference: bare.perSecond,
        referenceName: 'bare SQL place-and-pay tx',
        better: 'higher',
        p50: load.p50,
        p99: load.p99,
        refP50: bare.p50,
        refP99: bare.p99,
        target: '≥ 0.5× bare',
        notes,
      }),
      figure({ benchmark: 'credit-order', figure: 'RSS after the load', unit: 'MB', shop: rss, reference: null, referenceName: null, better: 'lower' }),
    ];
  });
}
