import { databaseBackends } from '../support/services';
import { TestShop, startTestShop } from '../support/test-shop';

describe.each(databaseBackends())('job control over HTTP (%s)', (backend) => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop(backend, { JOB_RETRY_DELIVERIES_BATCH: '7', JOB_SYNC_REFUNDS_SCHEDULE: '*/10 * * * * *' });
  });
  afterAll(() => shop.close());

  it('lists every job with its schedule and runs one now', async () => {
    const listed = await shop.api.inject({ method: 'GET', url: '/v1/admin/jobs', headers: shop.admin });
    expect(listed.statusCode).toBe(200);
    const names = listed.json().items.map((j: { name: string }) => j.name);
    expect(names).toEqual([
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
    ]);
    expect(listed.json().items.find((j: { name: string }) => j.name === 'sync-refunds').schedule).toBe('*/10 * * * * *');

    const ran = await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/repair-dropped-payments/run', headers: shop.admin });
    expect(ran.statusCode).toBe(200);
    expect(ran.json()).toEqual({ job: 'repair-dropped-payments', ok: true, result: { checked: 0, paid: 0, unpaid: 0, failed: 0 } });

    const after = (await shop.api.inject({ method: 'GET', url: '/v1/admin/jobs', headers: shop.admin }))
      .json()
      .items.find((j: { name: string }) => j.name === 'repair-dropped-payments');
    expect(after).toMatchObject({ runs: 1, failures: 0, lastRun: { ok: true, trigger: 'manual' } });
    const history = await shop.app.persistence.jobRuns.history('repair-dropped-payments', 5);
    expect(history).toHaveLength(1);

    expect((await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/nope/run', headers: shop.admin })).statusCode).toBe(404);
    expect((await shop.api.inject({ method: 'POST', url: '/v1/admin/jobs/outbox-dispatch/run', headers: shop.shopper(1) })).statusCode).toBe(401);
    const metrics = await shop.api.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('tillbot_job_runs_total{job="repair-dropped-payments"} 1');
  });

  it('a bad job override stops the start with the variable named', async () => {
    await expect(startTestShop(backend, { JOB_NO_SUCH_JOB_SCHEDULE: '* * * * * *' })).rejects.toThrow('JOB_NO_SUCH_JOB_SCHEDULE: no job named "no-such-job"');
    await expect(startTestShop(backend, { JOB_RETRY_PREPAY_SCHEDULE: 'every minute' })).rejects.toThrow(
      'JOB_RETRY_PREPAY_SCHEDULE: "every minute" is not a cron expression',
    );
  });
});
