// notifications: verified payment notifications applied per second (64 concurrent, each signed with the platform
// key and AES-256-GCM encrypted with the APIv3 key, for a distinct order awaiting payment), against the bare-SQL
// mark-paid transaction; then how fast the outbox dispatcher works off the deliveries and notices they queued.
import { randomBytes } from 'node:crypto';
import { cloneOrders, Template } from '../support/clone-orders';
import { countWhere, waitForCount } from '../support/db-wait';
import { Figure, figure } from '../support/figures';
import { runLoad } from '../support/load';
import { profilingArgs } from '../support/profiling';
import { runBareSql } from '../support/references';
import { ShopClient } from '../support/shop-client';
import { PaidTrade, readSandboxKeys, SignedNotification, signMany } from '../support/wechatpay-notify';
import { BenchContext, withWorld } from '../support/world';

const PRICE = 100;
const TEMPLATE_SHOPPER = 777_000_000;
const CLONE_SHOPPERS = 500;
const NOTIFY_PATH = '/v1/payments/wechatpay/notify';

export async function notifications(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  ctx.log('notifications: bare-SQL mark-paid reference');
  const bare = await runBareSql(settings, 'mark-paid');
  return withWorld(ctx, 'notifications', async (world) => {
    // No repair query for the copies during the run (they have no trade at the sandbox; the provider is not asked).
    const shop = await world.startShop({ env: { PAYMENT_FIRST_CHECK_SECONDS: '3600' }, nodeArgs: profilingArgs('notifications') });
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
      signMany(
        keys,
        orderNos.map((no, i): PaidTrade => ({
          outTradeNo: no,
          total: PRICE,
          currency: 'CNY',
          transactionId: `4200${no.slice(1)}${String(i % 10)}`,
          paidAt: new Date(),
        })),
      );
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

    // What the run queued (a delivery and notices per paid order) is drained by the outbox dispatcher: its rate is a
    // figure of its own (waited for at most 60 s).
    const outbox = (status: string) => countWhere(world.db.pool, 'SELECT COUNT(*) AS n FROM outbox WHERE status = ?', [status]);
    const doneBefore = await outbox('DONE');
    const drained = await waitForCount(async () => -(await outbox('PENDING')), 0, 60_000, 500);
    const dispatched = (await outbox('DONE')) - doneBefore;
    const drainSeconds = (drained.ms ?? 60_000) / 1000;
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
    figures.push(
      figure({
        benchmark: 'notifications',
        figure: 'outbox after the load: messages dispatched',
        unit: '/s',
        shop: dispatched / drainSeconds,
        reference: null,
        referenceName: null,
        better: 'higher',
        notes: [
          drained.ms === null
            ? `${-drained.last} messages still pending after 60 s (${dispatched} dispatched)`
            : `${dispatched} messages (deliveries + notices) drained in ${drainSeconds.toFixed(1)} s`,
        ],
      }),
    );
    return figures;
  });
}
