import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { buildShopApi } from './infrastructure/composition/compose-api';
import { composeBot } from './infrastructure/composition/compose-bot';
import { ConfigError } from './infrastructure/config/env-parsers';
import { loadConfig } from './infrastructure/config/config';
import { composeApp } from './infrastructure/composition/compose-app';
import { createLogger } from './infrastructure/logging/logger';
import { SIMULATED_PAYMENTS_BANNER } from './infrastructure/payment/sandbox/sandbox-gateway';
import { seedDemoCatalog } from './infrastructure/seed/demo-catalog';
import { startLocalChat } from './infrastructure/telegram/local-chat/local-chat';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`tillbot: configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  // No TELEGRAM_BOT_TOKEN: the bot talks to a local Bot API in this process, and /chat is its Telegram client.
  const localChat = await startLocalChat(config, logger);
  if (localChat) config = localChat.config;
  const app = await composeApp(config, logger);
  const closers: Array<() => Promise<void>> = [];
  if (localChat) closers.push(() => localChat.close());

  // An empty MySQL shop stays empty unless asked (a real shop must not start selling demo products by accident).
  if (config.seedDemoCatalog === 'always' || (config.seedDemoCatalog === 'auto' && !config.databaseUrl)) {
    const made = await seedDemoCatalog(app.shop, config.limits.currency);
    if (made > 0) logger.info({ products: made }, 'demo catalog created');
  } else if (config.seedDemoCatalog === 'auto') {
    const some = await app.shop.catalog.browseProducts({ includeHidden: true, pageSize: 1 });
    if (some.ok && some.value.total === 0)
      logger.info('the catalog is empty: add products (POST /v1/admin/products, /products in the bot), or start once with SEED_DEMO_CATALOG=always');
  }

  // The bot is composed before anything dispatches the outbox, so notices go to chats from the first one.
  const bot = await composeBot(app);
  const botLine = bot ? null : 'bot role is off: set TELEGRAM_BOT_TOKEN (from @BotFather) to turn it on';
  if (config.roles.includes('bot') && botLine) {
    if (config.rolesDefaulted) logger.info(botLine);
    else logger.warn(botLine);
  }

  if (config.roles.includes('api')) {
    const api = await buildShopApi(app, [...(bot?.webhookRoutes ? [bot.webhookRoutes] : []), ...(localChat ? [localChat.routes] : [])]);
    const address = await api.listen({ host: config.host, port: config.port });
    closers.push(() => api.close());
    const shown = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
    console.log(`tillbot is open at ${shown}  (try ${shown}/v1/products)`);
    // The key itself is printed once, when it is made; after that logs only say where it is kept.
    console.log(
      config.adminApiKey
        ? 'admin API key: the one in ADMIN_API_KEY'
        : app.adminKeyGenerated
          ? `admin API key (generated now, kept in ${config.dataDir}/secrets.json; shown only this once): ${app.adminApiKey}`
          : `admin API key: kept in ${config.dataDir}/secrets.json (adminApiKey)`,
    );
    for (const line of localChat?.listening(shown) ?? []) console.log(line);
    if (app.payments.sandbox) {
      console.log(`${SIMULATED_PAYMENTS_BANNER}: WECHATPAY_* is not set, QR orders are paid on the sandbox's pay pages`);
      console.log(
        config.sandbox.adminToken
          ? 'sandbox admin token (/sandbox/*): the one in SANDBOX_ADMIN_TOKEN'
          : `sandbox admin token (/sandbox/*): kept in ${config.dataDir}/secrets.json (sandboxAdminToken)`,
      );
    }
  }

  if (config.roles.includes('jobs')) {
    app.jobs.start();
    app.pump.kick();
  }

  if (bot && config.roles.includes('bot')) {
    if (config.publicUrl && !config.roles.includes('api'))
      logger.warn('webhook mode: this process has no api role; Telegram updates go to the instances that serve /telegram/webhook');
    await bot.start();
  }
  // Closed in reverse: the bot stops taking updates before the API closes, then the app.
  if (bot) closers.push(() => bot.stop());

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of closers.reverse()) await close().catch((e) => logger.error({ err: e }, 'close failed'));
    await app.close().catch((e) => logger.error({ err: e }, 'close failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(`tillbot: failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
