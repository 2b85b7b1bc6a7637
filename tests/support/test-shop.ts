// A whole shop (composition root + HTTP API) on a throwaway database, for API and concurrency tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyInstance } from 'fastify';
import { buildApi } from '../../api/server';
import { loadConfig } from '../../infrastructure/config/config';
import { App, composeApp } from '../../infrastructure/composition-root';
import { createLogger } from '../../infrastructure/logging/logger';
import { signInitData } from '../../infrastructure/telegram/init-data';
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

export async function startTestShop(backend: Backend, env: Record<string, string> = {}): Promise<TestShop> {
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-test-'));
  const mysql = backend === 'mysql' ? await createTestMysqlDatabase() : null;
  const config = loadConfig({
    DATA_DIR: dir,
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    LOG_LEVEL: 'silent',
    ...(mysql ? { DATABASE_URL: mysql.url } : {}),
    ...env,
  });
  const logger = createLogger('silent');
  const app = await composeApp(config, logger);
  const api = await buildApi({
    shop: app.shop,
    auth: { botToken: config.telegramBotToken, adminApiKey: app.adminApiKey, initDataMaxAgeSeconds: config.initDataMaxAgeSeconds, now: () => new Date() },
    readiness: [{ name: 'database', check: () => app.persistence.ping() }],
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
  });
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
  const res = await shop.api.inject({ method: 'POST', url: `/v1/admin/accounts/${userId}/adjustments`, headers: shop.admin, payload: { amount, reason: 'test top-up' } });
  if (res.statusCode !== 201) throw new Error(`credit failed: ${res.statusCode} ${res.body}`);
}
