import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelValues, parsePrometheusText, valueOf } from '../support/prometheus-text';
import { TestShop, createProduct, eventually, giveCredit, startTestShop } from '../support/test-shop';

describe('/metrics for an operator (sqlite)', () => {
  let shop: TestShop;
  let product: number;

  beforeAll(async () => {
    shop = await startTestShop('sqlite');
    product = await createProduct(shop, { sku: 'KEY-M', title: 'Key', kind: 'code', price: { amount: 500, currency: 'CNY' } });
    const codes = await shop.api.inject({
      method: 'POST',
      url: `/v1/admin/products/${product}/codes`,
      headers: shop.admin,
      payload: { codes: ['M-1', 'M-2'] },
    });
    expect(codes.statusCode).toBe(201);
  });

  afterAll(() => shop.close());

  const scrape = async () => {
    const res = await shop.api.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return parsePrometheusText(res.body);
  };

  it('parses strictly as Prometheus text, with process defaults and every shop family', async () => {
    const families = await scrape();
    for (const name of [
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'tillbot_http_request_duration_seconds',
      'tillbot_orders_total',
      'tillbot_payment_notifications_total',
      'tillbot_job_runs_total',
      'tillbot_job_duration_seconds',
      'tillbot_outbox_lag_seconds',
      'tillbot_outbox_messages',
      'tillbot_broadcast_messages_total',
    ]) {
      expect(families.has(name)).toBe(true);
    }
    expect(families.get('tillbot_http_request_duration_seconds')?.type).toBe('histogram');
    // Every job shows its counters from the start.
    expect(labelValues(families, 'tillbot_job_runs_total', 'job')).toContain('outbox-dispatch');
  });

  it('exports every series the Grafana dashboard asks for', async () => {
    const dashboard = readFileSync(join(__dirname, '..', '..', 'docs', 'grafana', 'dashboards', 'tillbot.json'), 'utf8');
    const asked = new Set([...dashboard.matchAll(/\b((?:tillbot|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1] ?? ''));
    const families = await scrape();
    const exported = new Set([...families.values()].flatMap((f) => f.samples.map((s) => s.name)).concat([...families.keys()]));
    expect([...asked].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('times requests by route pattern and status, never by raw URL', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) expect((await shop.api.inject({ method: 'GET', url: `/v1/products?page=${i + 1}` })).statusCode).toBe(200);
    await shop.api.inject({ method: 'GET', url: '/v1/orders/T-NOT-AN-ORDER-42', headers: shop.shopper(9101) });
    await shop.api.inject({ method: 'GET', url: '/no/such/path/123' });
    const after = await scrape();
    const count = (f: typeof after, labels: Record<string, string>) => valueOf(f, 'tillbot_http_request_duration_seconds_count', labels);
    expect(count(after, { route: '/v1/products', status: '200', method: 'GET' }) - count(before, { route: '/v1/products', status: '200', method: 'GET' })).toBe(
      3,
    );
    expect(count(after, { route: '/v1/orders/:orderNo', status: '404' })).toBe(count(before, { route: '/v1/orders/:orderNo', status: '404' }) + 1);
    expect(count(after, { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    const routes = labelValues(after, 'tillbot_http_request_duration_seconds_count', 'route');
    expect(routes.some((r) => r.includes('T-NOT-AN-ORDER') || r.includes('/no/such'))).toBe(false);
  });

  it('counts an order placed, paid and delivered by kind and method once committed', async () => {
    const buyer = 9102;
    await giveCredit(shop, buyer, 2000);
    const before = await scrape();
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(buyer), 'idempotency-key': 'metrics-order-0001' },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(placed.statusCode).toBe(201);
    const labels = { kind: 'code', method: 'credit' };
    const moved = (f: Awaited<ReturnType<typeof scrape>>, event: string) =>
      valueOf(f, 'tillbot_orders_total', { ...labels, event }) - valueOf(before, 'tillbot_orders_total', { ...labels, event });
    const after = await eventually(scrape, (f) => moved(f, 'delivered') === 1);
    expect(moved(after, 'placed')).toBe(1);
    expect(moved(after, 'paid')).toBe(1);
    // A replay of the same key is the same order: nothing new is counted.
    const replay = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shop.shopper(buyer), 'idempotency-key': 'metrics-order-0001' },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(replay.statusCode).toBeLessThan(300);
    const again = await scrape();
    expect(moved(again, 'placed')).toBe(1);
    expect(valueOf(again, 'tillbot_outbox_handled_total', { topic: 'order.deliver', outcome: 'done' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a forged payment notification as rejected, by reason', async () => {
    const before = await scrape();
    const res = await shop.api.inject({
      method: 'POST',
      url: '/v1/payments/wechatpay/notify',
      payload: '{"id":"forged"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(401);
    const after = await scrape();
    const rejected = (f: typeof after) => valueOf(f, 'tillbot_payment_notifications_total', { result: 'rejected', reason: 'MISSING_HEADERS' });
    expect(rejected(after) - rejected(before)).toBe(1);
  });

  it('times a job run by outcome and keeps the per-instance run counter', async () => {
    const before = await scrape();
    const run = await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/close-expired-orders/run', headers: shop.admin });
    expect(run.statusCode).toBe(200);
    const after = await scrape();
    const job = { job: 'close-expired-orders' };
    expect(valueOf(after, 'tillbot_job_runs_total', job) - valueOf(before, 'tillbot_job_runs_total', job)).toBe(1);
    const timed = (f: typeof after) => valueOf(f, 'tillbot_job_duration_seconds_count', { ...job, outcome: 'ok' });
    expect(timed(after) - timed(before)).toBe(1);
  });

  it('reports the outbox lag of the oldest due message, and 0 once none is due', async () => {
    expect(valueOf(await scrape(), 'tillbot_outbox_lag_seconds')).toBe(0);
    // Queued a minute ago and not dispatched (the raw unit of work does not kick the pump; no job is scheduled here).
    const minuteAgo = new Date(Date.now() - 60_000);
    await shop.app.persistence.uow.run((tx) => tx.outbox.enqueue([{ topic: 'test.lag', payload: {}, dedupeKey: 'metrics-lag-1' }], minuteAgo));
    const waiting = await scrape();
    expect(valueOf(waiting, 'tillbot_outbox_lag_seconds')).toBeGreaterThanOrEqual(59);
    expect(valueOf(waiting, 'tillbot_outbox_messages', { status: 'PENDING' })).toBe(1);
    // Dispatched: no handler knows the topic, so it is tried again later — pending, but not due, so no lag.
    await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/outbox-dispatch/run', headers: shop.admin });
    const retried = await scrape();
    expect(valueOf(retried, 'tillbot_outbox_lag_seconds')).toBe(0);
    expect(valueOf(retried, 'tillbot_outbox_messages', { status: 'PENDING' })).toBe(1);
    expect(valueOf(retried, 'tillbot_outbox_handled_total', { topic: 'test.lag' })).toBe(0);
  });
});
