// repair: N orders (10,000 by default) whose payment notification was dropped by the provider, each paid at the
// sandbox; the time the shop's own jobs need, from a shop start, until every one of them is DELIVERED. Against
// the bare SQL the same N need (mark paid + deliver, 64 concurrent, no provider query: that is not SQL).
//
// Setting up 10,000 through the API would take minutes at today's speed, so ONE order is placed through the API,
// its notification dropped by the sandbox knob and its trade paid at the sandbox's admin route; the shop is then
// stopped and that order copied N-1 times in the database and in the sandbox's saved state (support/clone-orders).
import { randomBytes } from 'node:crypto';
import { readLocalSecret } from '../../infrastructure/local-secrets';
import { cloneOrders, cloneSandboxTrades, Template } from '../support/clone-orders';
import { countWhere, waitForCount } from '../support/db-wait';
import { Figure, figure } from '../support/figures';
import { profilingArgs } from '../support/profiling';
import { runBareSql } from '../support/references';
import { ShopClient } from '../support/shop-client';
import { BenchContext, withWorld } from '../support/world';

const TEMPLATE_SHOPPER = 666_000_000;
const SHOPPERS = 2000;
const REPAIR_BATCH = 1000;

/** The in-process sandbox's admin routes ask for the token the shop keeps in its data folder's secrets.json. */
async function sandboxCall(base: string, dataDir: string, path: string, body?: unknown): Promise<void> {
  const token = readLocalSecret(dataDir, 'sandboxAdminToken');
  if (!token) throw new Error(`no sandboxAdminToken in ${dataDir}/secrets.json: did the shop start its sandbox?`);
  const res = await fetch(`${base}/sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body ?? {}),
  });
  if (res.status !== 200) throw new Error(`sandbox ${path}: HTTP ${res.status} ${await res.text()}`);
}

export async function repair(ctx: BenchContext): Promise<Figure[]> {
  const { settings } = ctx;
  const total = settings.repairOrders;
  const timeoutMs = Number(process.env.BENCH_REPAIR_TIMEOUT_SECONDS ?? 300) * 1000;
  ctx.log(`repair: bare-SQL reference (${total} mark-paid + deliver)`);
  const bare = await runBareSql(settings, 'repair', { count: total });
  return withWorld(ctx, 'repair', async (world) => {
    // The shop that takes the template order has no jobs: nothing may repair it before the copies exist.
    const first = await world.startShop({ name: 'repair-setup', env: { TILLBOT_ROLES: 'api,sandbox', PAYMENT_FIRST_CHECK_SECONDS: '1' } });
    const client = new ShopClient(first.base);
    const productId = await client.createProduct({
      sku: 'pack',
      title: 'Credit pack',
      kind: 'credit',
      price: { amount: 100, currency: 'CNY' },
      creditAmount: 100,
      stock: 1_000_000_000,
    });
    await client.register(TEMPLATE_SHOPPER);
    const template: Template = { orderNo: '', userId: String(TEMPLATE_SHOPPER), idempotencyKey: `benchtpl-${randomBytes(4).toString('hex')}` };
    const placed = await client.placeOrder(TEMPLATE_SHOPPER, template.idempotencyKey, [{ productId, quantity: 1 }], 'wechatpay');
    template.orderNo = placed.orderNo;
    await sandboxCall(first.sandboxBase, world.dataDir, '/knobs/drop-notifications', { count: 1 });
    await sandboxCall(first.sandboxBase, world.dataDir, `/trades/${placed.orderNo}/pay`);
    await first.stop();
    if (total > 1) {
      ctx.log(`repair: copying the dropped payment ${total - 1} times`);
      await cloneOrders(world.db.pool, template, 1, total - 1, Math.min(SHOPPERS, total - 1));
      cloneSandboxTrades(world.dataDir, template, 1, total - 1);
    }
    const awaiting = await countWhere(world.db.pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'AWAITING_PAYMENT'");
    if (awaiting !== total) throw new Error(`expected ${total} orders awaiting payment, found ${awaiting}`);

    ctx.log('repair: shop with jobs started; waiting for every order to be delivered');
    const shop = await world.startShop({
      name: 'repair',
      nodeArgs: profilingArgs('repair'),
      env: {
        PAYMENT_FIRST_CHECK_SECONDS: '1',
        JOB_REPAIR_DROPPED_PAYMENTS_SCHEDULE: '* * * * * *',
        JOB_REPAIR_DROPPED_PAYMENTS_BATCH: String(REPAIR_BATCH),
      },
    });
    const delivered = () => countWhere(world.db.pool, "SELECT COUNT(*) AS n FROM orders WHERE status = 'DELIVERED'");
    const done = await waitForCount(delivered, total, timeoutMs, 250);
    // Not finished in time: the figure is extrapolated from the rate so far (and says so), so a slow shop still
    // yields a number to compare; the rate only falls as the backlog grows, so this is on the kind side.
    const seconds = done.ms !== null ? done.ms / 1000 : (timeoutMs / 1000) * (total / Math.max(1, done.last));
    const notes = [
      `${done.last} of ${total} delivered; timed from the shop answering /healthz (it started in ${shop.startMs} ms)`,
      `repair job every second, batch ${REPAIR_BATCH}`,
    ];
    if (done.ms === null)
      notes.push(
        `NOT FINISHED within ${timeoutMs / 1000} s (${done.last} delivered, ${(done.last / (timeoutMs / 1000)).toFixed(1)}/s): the figure is EXTRAPOLATED at that rate`,
      );
    return [
      figure({
        benchmark: 'repair',
        figure: `${total} dropped payments → all DELIVERED`,
        unit: 's',
        shop: seconds,
        reference: bare.seconds,
        referenceName: 'bare SQL mark-paid + deliver',
        better: 'lower',
        target: '≤ 60 s for 10,000',
        notes,
      }),
    ];
  });
}
