// A whole shop with its Telegram bot, talking over HTTP to the project's Bot API stand-in: what a person in
// Telegram would see, in long-polling or webhook mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { buildApi } from '../../../api/server';
import type { BotDeps, JobControl } from '../../../bot/bot-deps';
import { BotHandle, createBot } from '../../../bot/create-bot';
import { loadConfig } from '../../../infrastructure/config/config';
import { App, composeApp } from '../../../infrastructure/composition/compose-app';
import { Logger, createLogger } from '../../../infrastructure/logging/logger';
import { type LocalBotApi, type LocalUser, type TgMessage, type UserDriver, startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { newBotToken, newUserId } from '../../../infrastructure/telegram/local-bot-api/ids';
import { testRedisUrl, uniqueName } from '../../support/services';
import { eventually, freePort } from '../../support/test-shop';

export type BotMode = 'polling' | 'webhook';

export interface BotWorld {
  mode: BotMode;
  app: App;
  api: FastifyInstance;
  base: string;
  standIn: LocalBotApi;
  driver: UserDriver;
  bot: BotHandle;
  admin: LocalUser;
  /** What the bot logged at warn and above. */
  botLog: string[];
  /** SUPPORT_CHAT_ID: the stand-in's forum supergroup, with the admin in it (`supportForum` option). */
  supportChatId: number | null;
  /** Stops the shop and its bot and starts them again on the same database (the stand-in keeps its chats). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const jobControl = (app: App): JobControl => ({
  statuses: () => app.jobs.statuses(),
  runNow: (name) => app.jobs.runNow(name),
});

/**
 * Starts the stand-in, a shop listening on a real port (so sandbox payment notifications reach it), and the bot
 * wired exactly as main.ts wires it; resolves once the bot polls or its webhook is set.
 */
/** Lines the bot logged at warn and above, so a test can wait for "retrying" instead of sleeping. */
function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, sink), lines };
}

export interface BotWorldOptions {
  /** Redis (when the test run has one) for sessions, locks and rate limits, under a key prefix of its own. */
  redis?: boolean;
  /** Start the bot while nothing answers at the Bot API address; the stand-in comes up once it has retried. */
  botApiDownAtFirst?: boolean;
  /** A forum supergroup on the stand-in as SUPPORT_CHAT_ID (one topic per ticket). */
  supportForum?: boolean;
  /** More settings (e.g. a job schedule). */
  env?: Record<string, string>;
}

/**
 * Starts a shop listening on a real port (so sandbox payment notifications reach it) with the bot wired exactly as
 * main.ts wires it, and the stand-in; resolves once the bot polls or its webhook is set.
 */
export async function startBotWorld(mode: BotMode, opts: BotWorldOptions = {}): Promise<BotWorld> {
  const token = newBotToken();
  const apiPort = await freePort();
  const startStandIn = (): Promise<LocalBotApi> => startLocalBotApi({ port: apiPort, token, rateLimits: true });
  let standIn = opts.botApiDownAtFirst ? null : await startStandIn();
  const admin: LocalUser = { id: newUserId(), first_name: 'Admin', language_code: 'en' };
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-bot-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const redisUrl = opts.redis ? testRedisUrl() : undefined;
  const supportChatId = opts.supportForum && standIn ? standIn.driver.createSupergroup({ title: 'Support', forum: true, members: [admin] }) : null;
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    SANDBOX_PORT: '0',
    SANDBOX_TIME_SCALE: '0.001',
    ADMIN_API_KEY: 'bot-test-admin-key-0123456789',
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
    ADMIN_TELEGRAM_IDS: String(admin.id),
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `${uniqueName('botw')}:` } : {}),
    ...(mode === 'webhook' ? { PUBLIC_URL: base, TELEGRAM_WEBHOOK_SECRET: 'stand-in_webhook_secret-1' } : {}),
    ...(supportChatId !== null ? { SUPPORT_CHAT_ID: String(supportChatId) } : {}),
    ...opts.env,
  });
  const logger = createLogger('silent');
  const botLog = capturingLogger();
  let { app, bot, api } = await startShop(config, logger, botLog.logger, token, port);
  if (!standIn) {
    await eventually(
      async () => botLog.lines.some((l) => l.includes('Bot API not usable; retrying')),
      (seen) => seen,
      10_000,
    );
    standIn = await startStandIn();
  }
  const up = standIn;
  const connected =
    mode === 'polling' ? () => up.calls.byMethod('getUpdates').length > 0 : () => up.calls.byMethod('setWebhook').some((c) => c.response?.ok === true);
  await up.driver.waitUntil(connected, 15_000, `the bot to connect (${mode})`);
  const world: BotWorld = {
    mode,
    app,
    api,
    base,
    standIn: up,
    driver: up.driver,
    bot,
    admin,
    botLog: botLog.lines,
    supportChatId,
    async restart() {
      await bot.stop();
      await api.close();
      await app.close();
      const before = up.calls.all().length;
      ({ app, bot, api } = await startShop(config, logger, botLog.logger, token, port));
      Object.assign(world, { app, bot, api });
      const again =
        mode === 'polling'
          ? () =>
              up.calls
                .all()
                .slice(before)
                .some((c) => c.method === 'getUpdates')
          : () =>
              up.calls
                .all()
                .slice(before)
                .some((c) => c.method === 'setWebhook' && c.response?.ok === true);
      await up.driver.waitUntil(again, 15_000, `the bot to connect again (${mode})`);
    },
    async close() {
      await bot.stop();
      await api.close();
      await app.close();
      await up.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The shop, its API on `port` and its bot, wired exactly as main.ts wires them. */
async function startShop(config: ReturnType<typeof loadConfig>, logger: Logger, botLogger: Logger, token: string, port: number) {
  const app = await composeApp(config, logger);
  const deps: BotDeps = {
    shop: app.shop,
    settings: {
      token,
      apiRoot: config.telegramApiRoot,
      publicUrl: config.publicUrl,
      webhookSecret: config.telegramWebhookSecret,
      adminIds: config.adminTelegramIds,
      supportChatId: config.support.chatId,
      sessionTtlMs: 3_600_000,
      utcOffsetMinutes: 480,
      currency: config.limits.currency,
    },
    sessions: app.redis.sessions,
    rateLimiter: app.redis.rateLimiter,
    lock: app.redis.lock,
    jobs: jobControl(app),
    logger: botLogger,
    registerOutboxHandler: (handler) => app.registerOutboxHandler(handler),
    useNotifier: (channel, notifier) => app.useNotifier(channel, notifier),
    useSupportRelay: (relay) => app.useSupportRelay(relay),
  };
  const bot = await createBot(deps);
  const api = await buildApi({
    shop: app.shop,
    verifiers: app.payments.verifiers,
    auth: { botToken: config.telegramBotToken, adminApiKey: app.adminApiKey, initDataMaxAgeSeconds: config.initDataMaxAgeSeconds, now: () => new Date() },
    readiness: [],
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    publicBaseUrl: `http://127.0.0.1:${port}`,
    jobs: app.jobs,
    metrics: app.metrics,
    rateLimiter: app.redis.rateLimiter,
    rateLimits: config.rateLimits,
    extraRoutes: bot.webhookRoutes ? [bot.webhookRoutes] : [],
  });
  await api.listen({ host: '127.0.0.1', port });
  await bot.start();
  return { app, bot, api };
}

export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** What a shopper does with their phone: open the pay page the QR code points at and press Pay. */
export async function payOnSandboxPage(codeUrl: string): Promise<void> {
  const page = await fetch(codeUrl);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+\/pay)"/.exec(html)?.[1];
  if (!action) throw new Error(`the pay page has no Pay form: ${html.slice(0, 300)}`);
  const paid = await fetch(new URL(action, codeUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  if (paid.status !== 200) throw new Error(`paying failed: ${paid.status} ${await paid.text()}`);
}

export const textOf = (m: TgMessage): string => m.text ?? m.caption ?? '';

export const buttonsOf = (driver: UserDriver, m: TgMessage): Array<{ text: string; data: string }> =>
  driver
    .inlineKeyboard(m)
    .flat()
    .map((b) => ({ text: b.text, data: b.callback_data ?? '' }));

/** Presses the button whose callback data matches and waits for the bot's answer to it. */
export async function press(driver: UserDriver, user: LocalUser, m: TgMessage, data: string | RegExp): Promise<void> {
  const button = buttonsOf(driver, m).find((b) => (typeof data === 'string' ? b.data === data : data.test(b.data)));
  if (!button) throw new Error(`no button ${String(data)} on message ${m.message_id}: ${JSON.stringify(buttonsOf(driver, m))}`);
  const id = driver.userPressesButton(user, m.message_id, button.data);
  await driver.waitForCallbackAnswer(id, 10_000);
}
