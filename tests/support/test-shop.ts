// A whole shop (composition root + HTTP API) on a throwaway database, for API and concurrency tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyInstance } from 'fastify';
import { buildShopApi } from '../../infrastructure/composition/compose-api';
import { loadConfig } from '../../infrastructure/config/config';
import { App, ComposeOverrides, composeApp } from '../../infrastructure/composition/compose-app';
import { createLogger } from '../../infrastructure/logging/logger';
import { signInitData } from '../../infrastructure/telegram/init-data';
import { HIGH_RATE_LIMITS } from './high-rate-limits';
import { Backend, createTestMysqlDatabase } from './services';

export const TEST_BOT_TOKEN = '123456789:TEST_token_for_init_data_checks_0001';
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestShop {
  app: App;
  api: FastifyInstance;
  admin: Record<string, string>;
  shopper(userId: number, name?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startTestShop(backend: Backend, env: Record<string, string> = {}, overrides: ComposeOverrides = {}): Promise<TestShop> {
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-test-'));
  const mysql = backend === 'mysql' ? await createTestMysqlDatabase() : null;
  const config = loadConfig({
    DATA_DIR: dir,
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    LOG_LEVEL: 'silent',
    SANDBOX_PORT: '0',
    // Tests burst on purpose (concurrent orders, duplicate checks): limits far above them, still counted; the
    // rate-limit test sets its own.
    ...HIGH_RATE_LIMITS,
    ...(mysql ? { DATABASE_URL: mysql.url } : {}),
    ...env,
  });
  let app: App;
  try {
    app = await composeApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), overrides);
  } catch (e) {
    if (mysql) await mysql.drop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const api = await buildShopApi(app);
  await api.ready();
  return {
    app,
    api,
    admin: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    shopper: (userId, name = `shopper${userId}`) => ({
      authorization: `tma ${signInitData(TEST_BOT_TOKEN, { id: userId, first_name: name, language_code: 'en' }, new Date())}`,
    }),
    async close() {
      await api.close();
      await app.close();
      if (mysql) await mysql.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a product through the admin API and returns its id. */
export async function createProduct(shop: TestShop, body: Record<string, unknown>): Promise<number> {
  const res = await shop.api.inject({ method: 'POST', url: '/v1/admin/products', headers: shop.admin, payload: body });
  if (res.statusCode !== 201) throw new Error(`create product failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/** Makes the shopper known (any authenticated call registers them) and gives them credit. */
export async function giveCredit(shop: TestShop, userId: number, amount: number): Promise<void> {
  await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(userId) });
  const res = await shop.api.inject({
    method: 'POST',
    url: `/v1/admin/accounts/${userId}/adjustments`,
    headers: shop.admin,
    payload: { amount, reason: 'test top-up' },
  });
  if (res.statusCode !== 201) throw new Error(`credit failed: ${res.statusCode} ${res.body}`);
}

/** A port nothing listens on right now (the shop's notify_url must be known before the server starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A shop listening on a real port, so the sandbox's notifications reach it over HTTP. */
export async function startListeningShop(backend: Backend, env: Record<string, string> = {}): Promise<TestShop & { base: string }> {
  const port = await freePort();
  const shop = await startTestShop(backend, { PORT: String(port), SANDBOX_TIME_SCALE: '0.001', ...env });
  await shop.api.listen({ host: '127.0.0.1', port });
  return { ...shop, base: `http://127.0.0.1:${port}` };
}

/** Polls until the check passes (deliveries and notifications run in the background). */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the reconcile against the shop's own database (and its sandbox): what `npm run reconcile` checks. */
export async function reconcileShop(shop: TestShop): Promise<string[]> {
  const { reconcile } = await import('../../domain/reporting/reconcile');
  const { configuredProviders } = await import('../../domain/payment');
  const { SqlConsistencyChecks } = await import('../../infrastructure/persistence/reporting/consistency-queries');
  const found = await reconcile({
    checks: new SqlConsistencyChecks(shop.app.persistence.dataSource),
    providers: configuredProviders(shop.app.payments.providers),
    providerSampleSize: 1000,
  });
  return found.map((d) => `${d.check}: ${d.detail}`);
}
