import { message } from 'telegraf/filters';
import { marketplaceFeature } from './features/marketplace/marketplace-feature';
import type { FastifyInstance } from 'fastify';
import { session, Telegraf } from 'telegraf';
import { LANGUAGES } from '../domain/account';
import { StoreUnavailableError } from '../domain/shared/unit-of-work';
import { isKeyValueUnavailable } from '../domain/shared/ports/key-value-unavailable-error';
import { withLogContext } from '../infrastructure/logging/log-context';
import { toTelegrafSessionStore } from '../infrastructure/redis/telegraf-session-store';
import { BroadcastDesk } from './features/broadcast/broadcast-desk';
import type { BotContext, BotSession } from './bot-context';
import type { BotDeps } from './bot-deps';
import type { BotServices } from './bot-services';
import { TextKey, translator } from './i18n/translate';
import { ChatLanguages } from './notify/chat-languages';
import { OrderMessages } from './notify/order-messages';
import { TelegramNotifier } from './notify/telegram-notifier';
import { OUTBOX_SEND_DEADLINE_MS, clientWithSendDeadline } from './sending/deadline-client';
import { ACTION_KINDS } from './callback-data';
import { accountFeature } from './features/account/account-feature';
import { adminFeature } from './features/admin/admin-feature';
import { adminOrdersFeature } from './features/admin-orders/admin-orders-feature';
import { adminProductsFeature } from './features/admin-products/admin-products-feature';
import { broadcastFeature } from './features/broadcast/broadcast-feature';
import { answerInlineSearch } from './features/search/inline-search';
import { answerStarsPreCheckout, takeStarsPayment } from './features/orders/stars-updates';
import { searchFeature } from './features/search/search-feature';
import { reviewsFeature } from './features/reviews/reviews-feature';
import { referralsFeature } from './features/referrals/referrals-feature';
import { restockFeature } from './features/restock/restock-feature';
import { supportChat } from './features/support/support-chat';
import { supportFeature } from './features/support/support-feature';
import { TelegramSupportRelay } from './notify/telegram-support-relay';
import { cartFeature } from './features/cart/cart-feature';
import { catalogFeature } from './features/catalog/catalog-feature';
import { jobsFeature } from './features/jobs/jobs-feature';
import { menuFeature } from './features/menu/menu-feature';
import { ordersFeature } from './features/orders/orders-feature';
import { adminSellersFeature } from './features/admin-sellers/admin-sellers-feature';
import { sellersFeature } from './features/sellers/sellers-feature';
import { callbackRouter } from './routing/callbacks';
import { MENU_COMMANDS } from './routing/commands';
import { BotFeature } from './routing/feature';
import { identify, privateChatsOnly } from './routing/identify';
import { messageRouter } from './routing/messages';
import { broadcastOutboxHandler, broadcastSendHandler, installOutgoingQueue } from './sending';
import { BotLauncher, LaunchPlan } from './transport/launcher';
import { derivedWebhookSecret, WEBHOOK_PATH, WebhookGate, webhookRoutes } from './transport/webhook-routes';
import { ProductPhotos } from './ui/product-photos';
import { answer } from './ui/replies';

export interface BotHandle {
  /** The webhook route for the API server (`extraRoutes`); null in long-polling mode. */
  webhookRoutes: ((app: FastifyInstance) => Promise<void>) | null;
  /** Connects to the Bot API in the background (retrying with backoff); resolves at once. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the bot does, one line per feature (bot/features/<feature>/): its buttons, commands and free input. */
const FEATURES: readonly BotFeature[] = [
  menuFeature,
  catalogFeature,
  cartFeature,
  ordersFeature,
  accountFeature,
  adminFeature,
  adminOrdersFeature,
  adminProductsFeature,
  jobsFeature,
  broadcastFeature,
  referralsFeature,
  // Before search: the words after a review's stars are the review, not a search.
  reviewsFeature,
  restockFeature,
  // Before search (after reviews, which asks for its words itself): while a shopper's ticket is open, what they
  // write is for support, not a search.
  supportFeature,
  // Before search: an address the checkout asked for is not a search.
  marketplaceFeature,
  // Before search: an answer to the /sell questions is not a search.
  sellersFeature,
  adminSellersFeature,
  searchFeature,
];

/** The Telegram door: shopper and admin conversations over the shop, notices to chats, and its transport. */
export async function createBot(deps: BotDeps): Promise<BotHandle> {
  const { settings } = deps;
  const logger = deps.logger.child({ part: 'bot' });
  const bot = new Telegraf<BotContext>(settings.token, {
    // Every API call is a real call whose result and error the bot sees (never folded into the webhook answer).
    telegram: { webhookReply: false, ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}) },
    handlerTimeout: 60_000,
  });
  const sender = installOutgoingQueue(bot, { rateLimiter: deps.rateLimiter, logger: logger.child({ part: 'bot-sending' }) });
  const broadcasts = new BroadcastDesk(bot.telegram, deps.shop.messaging, logger);
  const svc: BotServices = {
    shop: deps.shop,
    settings,
    jobs: deps.jobs,
    logger,
    lock: deps.lock,
    rateLimiter: deps.rateLimiter,
    orderMessages: new OrderMessages(deps.sessions),
    chatLanguages: new ChatLanguages(deps.shop, deps.sessions),
    photos: new ProductPhotos(logger),
    broadcasts,
  };

  bot.catch(async (error, ctx) => {
    logger.error({ err: error, updateId: ctx.update.update_id }, 'bot update failed');
    const busy = error instanceof StoreUnavailableError || isKeyValueUnavailable(error);
    const t = ctx.t ?? translator('en');
    const text = t(busy ? 'storeBusy' : 'somethingWrong');
    try {
      if (ctx.callbackQuery) await answer(ctx, text, { alert: true });
      else if (ctx.chat) await ctx.telegram.sendMessage(ctx.chat.id, text);
    } catch (e) {
      logger.warn({ err: e }, 'could not tell the chat about the failure');
    }
  });
  // Every line one update makes (the bot's, the database's, the domain's) carries it as reqId.
  bot.use((ctx, next) => withLogContext({ reqId: `tg:${ctx.update.update_id}` }, next));
  // Inline queries come from any chat and carry no chat of their own: answered before the private-chat rule.
  bot.on('inline_query', (ctx) => answerInlineSearch(ctx, svc));
  // Stars: the pre-checkout query has no chat and 10 s to be answered; a payment must never meet the flood rule.
  bot.on('pre_checkout_query', (ctx) => answerStarsPreCheckout(ctx, svc));
  bot.on(message('successful_payment'), (ctx) => takeStarsPayment(ctx, svc));
  // The support group (SUPPORT_CHAT_ID): staff answer tickets in their topics; every other group is ignored below.
  if (settings.supportChatId) bot.use(supportChat(svc, settings.supportChatId));
  bot.use(privateChatsOnly);
  bot.use(
    session<BotSession, BotContext>({
      store: toTelegrafSessionStore<BotSession>(deps.sessions, settings.sessionTtlMs),
      getSessionKey: (ctx) => (ctx.from && ctx.chat ? `tg:${ctx.from.id}:${ctx.chat.id}` : undefined),
      defaultSession: () => ({}),
    }),
  );
  bot.use(identify(svc));
  const onCallbackQuery = callbackRouter(FEATURES, ACTION_KINDS);
  const onMessage = messageRouter(FEATURES);
  bot.on('callback_query', (ctx) => onCallbackQuery(ctx, svc));
  bot.on('message', (ctx) => onMessage(ctx, svc));

  deps.useNotifier('chat', new TelegramNotifier(clientWithSendDeadline(bot.telegram, sender, OUTBOX_SEND_DEADLINE_MS), svc));
  deps.useSupportRelay?.(new TelegramSupportRelay(clientWithSendDeadline(bot.telegram, sender, OUTBOX_SEND_DEADLINE_MS), svc));
  deps.registerOutboxHandler(broadcastSendHandler(broadcastOutboxHandler({ callApi: sender.callApi, lock: deps.lock, sessions: deps.sessions, logger })));

  const secret = settings.webhookSecret ?? derivedWebhookSecret(settings.token);
  const plan: LaunchPlan = settings.publicUrl
    ? { mode: 'webhook', url: `${settings.publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`, secret }
    : { mode: 'polling' };
  const launcher = new BotLauncher(bot, plan, logger, async () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const commands = MENU_COMMANDS.map((command) => ({ command, description: t(`cmd_${command}` as TextKey) }));
      await bot.telegram.setMyCommands(commands, lang === 'en' ? {} : { language_code: lang });
    }
  });

  const gate = new WebhookGate();
  return {
    webhookRoutes: plan.mode === 'webhook' ? webhookRoutes(bot, secret, gate) : null,
    async start() {
      launcher.start();
    },
    async stop() {
      await Promise.all([launcher.stop(), gate.close(10_000)]);
      broadcasts.stopAll();
      // Whatever is still queued gets a moment to go out; then the queue refuses (never half-sends) the rest.
      await Promise.race([sender.queue.idle(), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
      sender.queue.close();
    },
  };
}
