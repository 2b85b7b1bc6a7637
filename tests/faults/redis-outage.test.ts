// Issue 5: "Redis stopped → the shop keeps selling; no job runs twice; coordination resumes when Redis returns."
// Two instances with every job on reach Redis through one proxy, which is cut (the machine's Redis keeps running).
import { expectReconcileClean, FaultWorld, jobSchedules, ShopProcess, startFaultWorld } from './support/fault-world';
import { describeOnMysqlAndRedis } from './support/on-mysql-and-redis';
import { eventually, sleep } from './support/eventually';
import { firesRunMoreThanOnce, jobRuns } from './support/job-runs';
import { TcpProxy, endpointOf, startTcpProxy, throughProxy } from './support/tcp-proxy';

const PERIOD_SECONDS = 2;
const JOBS = [
  'outbox-dispatch',
  'retry-deliveries',
  'repair-dropped-payments',
  'close-expired-orders',
  'retry-prepay',
  'sync-refunds',
  'refresh-platform-certificates',
  'index-missing-search-terms',
  'reward-referrals',
  'remind-unanswered-tickets',
  'cancel-unconfirmed-seller-orders',
  'complete-shipped-orders',
  'prune-checkout-failures',
];

interface JobStatusView {
  name: string;
  lastRun: { finishedAt: string; ok: boolean; instance: string } | null;
}

describeOnMysqlAndRedis('Redis unreachable under two instances', () => {
  let world: FaultWorld;
  let proxy: TcpProxy;
  let shops: [ShopProcess, ShopProcess];
  let pack: number;
  let keys: number;

  beforeAll(async () => {
    world = await startFaultWorld('redisout', { sandboxTimeScale: 0.01 });
    proxy = await startTcpProxy(endpointOf(world.redisUrl, 6379));
    const redisUrl = throughProxy(world.redisUrl, proxy);
    const startShop = (name: string) => world.startShop({ name: `shop-${name}`, redisUrl, env: jobSchedules(PERIOD_SECONDS) });
    shops = await Promise.all([startShop('a'), startShop('b')]);
    const [a] = shops;
    pack = await a.client.createProduct({ sku: 'PACK-8', title: '¥8 credit', kind: 'credit', price: { amount: 800, currency: 'CNY' }, creditAmount: 880 });
    keys = await a.client.createProduct({ sku: 'KEY-R', title: 'Licence key', kind: 'code', price: { amount: 200, currency: 'CNY' } });
    await a.client.addCodes(
      keys,
      Array.from({ length: 50 }, (_, i) => `RKEY-${i}`),
    );
    await a.client.giveCredit(8000, 100_000);
  }, 180_000);
  afterAll(async () => {
    await world?.close();
    await proxy?.close();
  }, 60_000);

  it('keeps selling by credit and by QR, runs no fire twice, and resumes its jobs when Redis is back; reconcile is clean', async () => {
    const [a, b] = shops;
    await eventually(
      () => jobRuns(world.db),
      (runs) => JOBS.every((job) => runs.some((r) => r.job === job)),
      30_000,
      world,
    );

    proxy.cut();
    const cutAt = Date.now();
    await sleep(1_500);

    // Selling goes on, on both instances: by credit, and by QR with the callback and the delivery.
    const delivered: string[] = [];
    for (const [i, shop] of [a, b, a, b].entries()) {
      const byCredit = await shop.client.placeOrder(8000, `redis-out-credit-${i}`, [{ productId: keys, quantity: 1 }], 'credit');
      expect(byCredit).toMatchObject({ status: 201, body: { status: expect.stringMatching(/^(PAID|DELIVERED)$/) } });
      const byQr = await shop.client.placeOrder(8100 + i, `redis-out-qr-${i}`, [{ productId: pack, quantity: 1 }], 'wechatpay');
      expect(byQr).toMatchObject({ status: 201, body: { payment: { status: 'READY' } } });
      expect((await world.sandbox.pay(byQr.body.orderNo)).status).toBe(200);
      delivered.push(byCredit.body.orderNo, byQr.body.orderNo);
    }
    for (const orderNo of delivered)
      await eventually(
        () => a.client.orderStatus(orderNo),
        (s) => s === 'DELIVERED',
        20_000,
        world,
      );

    // A callback lost now waits for the repair job, which cannot be coordinated: it must wait, not run twice.
    await world.sandbox.dropNotifications(1);
    const lost = await b.client.placeOrder(8200, 'redis-out-lost-1', [{ productId: pack, quantity: 1 }], 'wechatpay');
    expect(lost.status).toBe(201);
    expect((await world.sandbox.pay(lost.body.orderNo)).status).toBe(200);

    // An admin's "run now" is refused rather than run uncoordinated; the job list still answers.
    const runNow = await a.client.request<{ error: { code: string } }>('POST', '/v1/admin/jobs/repair-dropped-payments/run', { headers: a.client.admin });
    expect(runNow).toMatchObject({ status: 409, body: { error: { code: 'JOB_BUSY' } } });
    expect((await b.client.request('GET', '/v1/admin/jobs', { headers: b.client.admin })).status).toBe(200);

    await sleep(Math.max(0, 12_000 - (Date.now() - cutAt)));
    expect(await a.client.orderStatus(lost.body.orderNo)).toBe('AWAITING_PAYMENT');
    proxy.restore();
    const restoredAt = Date.now();

    // Coordination resumes: every job runs again, and the lost payment is found and delivered.
    await eventually(
      () => a.client.orderStatus(lost.body.orderNo),
      (s) => s === 'DELIVERED',
      45_000,
      world,
    );
    const statuses = await eventually(
      async () => (await a.client.request<{ items: JobStatusView[] }>('GET', '/v1/admin/jobs', { headers: a.client.admin })).body.items,
      (items) => JOBS.every((job) => items.some((s) => s.name === job && s.lastRun !== null && Date.parse(s.lastRun.finishedAt) > restoredAt)),
      45_000,
      world,
    );
    expect(statuses.map((s) => s.name).sort()).toEqual([...JOBS].sort());

    const runs = await jobRuns(world.db);
    expect(firesRunMoreThanOnce(runs, PERIOD_SECONDS)).toEqual([]);
    const [[paidFor]] = (await world.db.query('SELECT COUNT(*) AS n FROM ledger_entries WHERE user_id = ?', ['8200'])) as unknown as [[{ n: number }]];
    expect(Number(paidFor.n)).toBe(1);

    await expectReconcileClean(world);
  }, 180_000);
});
