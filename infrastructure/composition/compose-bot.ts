import { BotHandle, createBot } from '../../bot/create-bot';
import { App } from './compose-app';

/**
 * The bot over a composed App, whenever a token is configured — also in processes without the bot role, so every
 * instance that dispatches the outbox can send notices and broadcasts to chats (and serve the webhook route).
 * Only processes with the bot role call start() (setWebhook, or long polling).
 */
export async function composeBot(app: App): Promise<BotHandle | null> {
  const { config } = app;
  if (!config.telegramBotToken) return null;
  return createBot({
    shop: app.shop,
    settings: {
      token: config.telegramBotToken,
      apiRoot: config.telegramApiRoot,
      publicUrl: config.publicUrl,
      webhookSecret: config.telegramWebhookSecret,
      adminIds: config.adminTelegramIds,
      supportChatId: config.support.chatId,
      sessionTtlMs: config.botSessionTtlMs,
      utcOffsetMinutes: config.shopUtcOffsetMinutes,
      currency: config.limits.currency,
    },
    sessions: app.redis.sessions,
    rateLimiter: app.redis.rateLimiter,
    lock: app.redis.lock,
    jobs: { statuses: () => app.jobs.statuses(), runNow: (name) => app.jobs.runNow(name) },
    logger: app.logger,
    registerOutboxHandler: (handler) => app.registerOutboxHandler(handler),
    useNotifier: (channel, notifier) => app.useNotifier(channel, notifier),
    useSupportRelay: (relay) => app.useSupportRelay(relay),
  });
}
