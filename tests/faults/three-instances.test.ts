// Issue 5: "Three instances with all jobs on → each fire runs once; 1,000 orders through mixed failures → all
// consistent." Three shop processes on one MySQL, one Redis (a real three-master Redis
// Cluster wherever redis-server is installed) and one sandbox; the provider drops, repeats, delays and
// forges callbacks and refuses order creation in turns while the orders stream in.
import { expectReconcileClean, FaultWorld, jobSchedules, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndClusterOrRedis } from './support/on-mysql-and-redis';
import { eventually } from './support/eventually';
import { firesRunMoreThanOnce, firesThatRan, jobRuns } from './support/job-runs';
import { FAULT_WEBHOOK_SECRET, Reply, OrderView } from './support/shop-client';
import { WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver';
import { SandboxProcess } from './support/sandbox-process';
import { must } from '../support/must';

const ORDERS = 1000;
const CONCURRENCY = 12;
const PERIOD_SECONDS = 2;
const CREDIT_BUYERS = 20;

type Kind = 'pack' | 'key' | 'hook' | 'key-by-credit';

/** What the provider does wrong while each hundred orders comes in (a share of all orders, in turns). */
const PHASES: Array<{ name: string; apply: (s: SandboxProcess) => Promise<void> }> = [
  { name: 'clean', apply: async () => undefined },
  { name: 'drop 25 callbacks', apply: (s) => s.dropNotifications(25) },
  { name: 'every callback ×3', apply: (s) => s.duplicateNotifications(3) },
  { name: 'callbacks 1.5 s late', apply: (s) => s.delayNotifications(1500) },
  { name: 'order creation fails (90 attempts in a row)', apply: (s) => s.failNext('create', 90, { status: 500, code: 'SYSTEM_ERROR', message: 'injected' }) },
  { name: '20 forged callbacks', apply: (s) => s.corruptNotifications(20, 'signature') },
  { name: 'drop 20, the rest ×3', apply: async (s) => (await s.dropNotifications(20), await s.duplicateNotifications(3)) },
  { name: 'clean', apply: async () => undefined },
  { name: 'late and ×3', apply: async (s) => (await s.delayNotifications(800), await s.duplicateNotifications(3)) },
  { name: 'drop 25 callbacks', apply: (s) => s.dropNotifications(25) },
];

describeOnMysqlAndClusterOrRedis('three instances, all jobs on, one MySQL + Redis + provider', (redis) => {
  let world: FaultWorld;
  let shops: [ShopProcess, ShopProcess, ShopProcess];
  /** Spreads work round-robin over the three instances. */
  const shopFor = (i: number): ShopProcess => must(shops[i % shops.length], `instance ${i % shops.length}`);
  let receiver: WebhookReceiver;
  const products: Record<'pack' | 'key' | 'hook', number> = { pack: 0, key: 0, hook: 0 };

  beforeAll(async () => {
    receiver = await startWebhookReceiver(FAULT_WEBHOOK_SECRET);
    world = await startFaultWorld(redis === 'cluster' ? 'rcluster' : 'cluster', { sandboxTimeScale: 0.05, redis });
    const env = { LOG_LEVEL: 'warn', ...jobSchedules(PERIOD_SECONDS) };
    const startShop = (name: string) => world.startShop({ name: `shop-${name}`, env });
    shops = await Promise.all([startShop('one'), startShop('two'), startShop('three')]);
    const admin = shops[0].client;
    products.pack = await admin.createProduct({
      sku: 'PACK-1',
      title: '¥1 credit',
      kind: 'credit',
      price: { amount: 100, currency: 'CNY' },
      creditAmount: 110,
    });
    products.key = await admin.createProduct({ sku: 'KEY-C', title: 'Licence key', kind: 'code', price: { amount: 50, currency: 'CNY' } });
    products.hook = await admin.createProduct({
      sku: 'HOOK-C',
      title: 'Merchant-fulfilled',
      kind: 'webhook',
      price: { amount: 70, currency: 'CNY' },
      webhookUrl: receiver.url,
    });
    await admin.addCodes(
      products.key,
      Array.from({ length: ORDERS }, (_, i) => `CLUSTER-KEY-${String(i).padStart(5, '0')}`),
    );
    for (let u = 0; u < CREDIT_BUYERS; u += 1) await shopFor(u).client.giveCredit(9_100 + u, 1_000_000);
  }, 240_000);
  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  }, 60_000);

  it(`takes ${ORDERS} orders through dropped, repeated, late and forged callbacks and failed creations: each paid order delivered once, each fire run once, reconcile clean`, async () => {
    const started = Date.now();
    const kinds = new Map<string, Kind>();
    const refused: string[] = [];
    const awaitingPrepay: string[] = [];
    let next = 0;

    const placeOne = async (i: number) => {
      if (i % 100 === 0) {
        await world.sandbox.resetKnobs();
        await must(PHASES[(i / 100) % PHASES.length], 'a fault phase').apply(world.sandbox);
      }
      const shop = shopFor(i).client;
      const kind: Kind = i % 7 === 3 ? 'key-by-credit' : i % 10 === 5 ? 'hook' : i % 2 === 0 ? 'pack' : 'key';
      const byCredit = kind === 'key-by-credit';
      const user = byCredit ? 9_100 + (i % CREDIT_BUYERS) : 900_000 + i;
      const product = kind === 'key-by-credit' ? products.key : products[kind];
      const placed: Reply<OrderView> = await shop.placeOrder(
        user,
        `cluster-order-${i}`,
        [{ productId: product, quantity: 1 }],
        byCredit ? 'credit' : 'wechatpay',
      );
      if (placed.status !== 201) {
        refused.push(`#${i} on ${shopFor(i).name}: ${placed.networkError ?? `${placed.status} ${JSON.stringify(placed.body)}`}`);
        return;
      }
      kinds.set(placed.body.orderNo, kind);
      if (byCredit) return;
      if (placed.body.payment?.status !== 'READY') {
        awaitingPrepay.push(placed.body.orderNo);
        return;
      }
      const paid = await world.sandbox.pay(placed.body.orderNo);
      if (paid.status !== 200) refused.push(`#${i} pay at the provider: ${paid.status} ${JSON.stringify(paid.body)}`);
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < ORDERS; i = next++) await placeOne(i);
      }),
    );
    await world.sandbox.resetKnobs();
    expect(refused).toEqual([]);
    expect(kinds.size).toBe(ORDERS);

    // Orders whose creation failed become payable through retry-prepay on some instance; their shoppers pay then.
    expect(awaitingPrepay.length).toBeGreaterThan(0);
    for (const orderNo of awaitingPrepay) {
      await eventually(
        () => world.sandbox.trade(orderNo),
        (t) => t !== null,
        60_000,
        world,
        500,
      );
      expect((await world.sandbox.pay(orderNo)).status).toBe(200);
    }

    // Everything paid is delivered — by callbacks on whichever instance, or by the jobs on whichever instance.
    const undelivered = async () => {
      const [rows] = (await world.db.query("SELECT status, COUNT(*) AS n FROM orders WHERE status <> 'DELIVERED' GROUP BY status")) as unknown as [
        Array<{ status: string; n: number }>,
      ];
      return rows.map((r) => `${r.status}: ${r.n}`);
    };
    await eventually(undelivered, (rows) => rows.length === 0, 120_000, world, 1000);
    const settledAt = Date.now();
    const [[{ n: total }]] = (await world.db.query('SELECT COUNT(*) AS n FROM orders')) as unknown as [[{ n: number }]];
    expect(Number(total)).toBe(ORDERS);

    // Exactly once: one top-up per credit pack, one key per key order, one fulfilled webhook key per webhook order.
    const count = (kind: Kind) => [...kinds.values()].filter((k) => k === kind).length;
    const [[{ n: topUps }]] = (await world.db.query("SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'TOP_UP'")) as unknown as [[{ n: number }]];
    expect(Number(topUps)).toBe(count('pack'));
    const [[{ n: keysOut }]] = (await world.db.query("SELECT COUNT(DISTINCT order_no) AS n FROM product_codes WHERE status = 'DELIVERED'")) as unknown as [
      [{ n: number }],
    ];
    expect(Number(keysOut)).toBe(count('key') + count('key-by-credit'));
    const hookOrders = [...kinds.entries()]
      .filter(([, k]) => k === 'hook')
      .map(([no]) => `${no}:1`)
      .sort();
    expect([...receiver.fulfilledKeys()].sort()).toEqual(hookOrders);
    expect(receiver.requests().filter((r) => r.outcome === 'bad-signature')).toEqual([]);

    // The failures really happened: callbacks were lost and found by the repair job, creations were retried.
    const runs = await jobRuns(world.db);
    const repaired = runs.filter((r) => r.job === 'repair-dropped-payments').reduce((sum, r) => sum + (r.result.paid ?? 0), 0);
    expect(repaired).toBeGreaterThanOrEqual(25 + 20 + 25);
    expect(runs.filter((r) => r.job === 'retry-prepay').reduce((sum, r) => sum + (r.result.ready ?? 0), 0)).toBe(awaitingPrepay.length);

    // Each fire ran once: never two runs of one fire, runs on the instances in turn, and (nearly) every fire taken.
    expect(firesRunMoreThanOnce(runs, PERIOD_SECONDS)).toEqual([]);
    expect(new Set(runs.map((r) => r.instance)).size).toBeGreaterThanOrEqual(2);
    const fires = Math.floor((settledAt - started) / 1000 / PERIOD_SECONDS);
    expect(firesThatRan(runs, 'sync-refunds', PERIOD_SECONDS, started, settledAt)).toBeGreaterThanOrEqual(Math.floor(fires / 2));

    await expectReconcileClean(world);
  }, 420_000);
});
