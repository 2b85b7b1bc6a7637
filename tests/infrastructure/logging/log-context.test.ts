import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FastifyInstance } from 'fastify';
import { buildShopApi } from '../../../infrastructure/composition/compose-api';
import { App, composeApp } from '../../../infrastructure/composition/compose-app';
import { loadConfig } from '../../../infrastructure/config/config';
import { createLogger } from '../../../infrastructure/logging/logger';
import { signInitData } from '../../../infrastructure/telegram/init-data';
import { eventually } from '../../support/test-shop';

const BOT_TOKEN = '123456789:TEST_token_for_init_data_checks_0001';
const ADMIN = { authorization: 'Bearer test-admin-key-0123456789abcdef' };

type Line = Record<string, unknown>;

describe('every log line of a request or job says which one (and which order)', () => {
  const lines: Line[] = [];
  const raw: string[] = [];
  let dir: string;
  let app: App;
  let api: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillbot-logs-'));
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString('utf8').split('\n'))
          if (text.trim() !== '') {
            raw.push(text);
            lines.push(JSON.parse(text) as Line);
          }
        done();
      },
    });
    const config = loadConfig({
      DATA_DIR: dir,
      ADMIN_API_KEY: ADMIN.authorization.slice(7),
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      LOG_LEVEL: 'info',
      SANDBOX_PORT: '0',
    });
    app = await composeApp(config, createLogger('info', 'tillbot', sink));
    api = await buildShopApi(app);
    await api.ready();
  });

  afterAll(async () => {
    await api.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tags request lines with one reqId (echoed as X-Request-Id) and the delivery lines with the order number', async () => {
    const created = await api.inject({
      method: 'POST',
      url: '/v1/admin/products',
      headers: ADMIN,
      payload: { sku: 'LOG-1', title: 'Log mug', kind: 'manual', price: { amount: 100, currency: 'CNY' }, stock: 3 },
    });
    expect(created.statusCode).toBe(201);
    const shopper = { authorization: `tma ${signInitData(BOT_TOKEN, { id: 4242, first_name: 'Logan', language_code: 'en' }, new Date())}` };
    await api.inject({ method: 'GET', url: '/v1/account', headers: shopper });
    const credit = await api.inject({ method: 'POST', url: '/v1/admin/accounts/4242/adjustments', headers: ADMIN, payload: { amount: 500, reason: 'logs' } });
    expect(credit.statusCode).toBe(201);
    const placed = await api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...shopper, 'idempotency-key': 'log-order-0001', 'x-request-id': 'lb-trace-0001' },
      payload: { items: [{ productId: (created.json() as { id: number }).id, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.headers['x-request-id']).toBe('lb-trace-0001');
    const orderNo = (placed.json() as { orderNo: string }).orderNo;

    const ofRequest = lines.filter((l) => l.reqId === 'lb-trace-0001');
    expect(ofRequest.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    // Once per line: fastify's bindings and the context mixin never both write it.
    expect(raw.filter((text) => text.split('"reqId"').length > 2)).toEqual([]);
    // The order number is known from the placement on: the completion line carries it.
    expect(ofRequest.find((l) => l.msg === 'request completed')?.orderNo).toBe(orderNo);

    // The manual product's "fulfilment needed" notice to admins and the shopper's notice go through the outbox:
    // their lines (the log channel here) carry the message as reqId, its topic and the order number.
    const notices = await eventually(
      async () => lines.filter((l) => (l.msg === 'admin notice' || l.msg === 'shopper notice') && (l.notice as { orderNo?: string }).orderNo === orderNo),
      (found) => found.length >= 2,
    );
    for (const notice of notices) {
      expect(notice.orderNo).toBe(orderNo);
      expect(String(notice.reqId)).toMatch(/^outbox:\d+$/);
      expect(String(notice.topic)).toMatch(/^notify\./);
    }
  });

  it('tags the lines of a job run with the job and a run id', async () => {
    // Something for the run to do (a topic no handler knows is retried, and the run reports it).
    await app.persistence.uow.run((tx) => tx.outbox.enqueue([{ topic: 'test.logs', payload: {}, dedupeKey: 'logs-job-1' }], new Date()));
    const run = await api.inject({ method: 'POST', url: '/v1/admin/jobs/outbox-dispatch/run', headers: ADMIN });
    expect(run.statusCode).toBe(200);
    // The run drained what was due and said so in its line.
    expect(lines.some((l) => l.msg === 'job run' && l.job === 'outbox-dispatch' && String(l.reqId).startsWith('job:outbox-dispatch:'))).toBe(true);
  });
});
