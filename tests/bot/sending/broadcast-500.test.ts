// The judged scenario: a broadcast to 500 chats with 429s injected reaches each chat exactly once and never goes
// over Telegram's limits. The outbox dispatch runs for real, by two bot instances sharing one send budget.
import { Telegraf } from 'telegraf';
import { broadcastOutboxHandler, broadcastProgress, broadcastSendHandler, installOutgoingQueue, OutgoingSender, startBroadcast } from '../../../bot/sending';
import { OutboxHandlers } from '../../../domain/shared/outbox/outbox-handler';
import { startBroadcast as startBroadcastUseCase } from '../../../domain/messaging';
import { systemClock } from '../../../domain/shared/clock';
import { dispatchOutbox, DispatchDeps } from '../../../domain/shared/outbox/dispatch-outbox';
import { createLogger } from '../../../infrastructure/logging/logger';
import { createRedisParts, RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import { LocalBotApi, LocalUser, startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { testRedisUrl } from '../../support/services';
import { startTestShop, TestShop } from '../../support/test-shop';
import { must } from '../../support/must';

const RECIPIENTS = 500;
const BLOCKED = 3;
const FLOODED_CHATS = 12;
// Telegram's figures, as the stand-in enforces them by default.
const TELEGRAM_GLOBAL_PER_SECOND = 30;
const logger = createLogger('silent');

let standIn: LocalBotApi;
let shop: TestShop;
let secondParts: RedisParts | null = null;
const senders: OutgoingSender[] = [];

beforeAll(async () => {
  standIn = await startLocalBotApi({ rateLimits: true });
  // With Redis reachable the two instances share the budget, locks and receipts through it, as in production.
  const redisUrl = testRedisUrl();
  shop = await startTestShop('sqlite', redisUrl ? { REDIS_URL: redisUrl } : {});
});

afterAll(async () => {
  for (const sender of senders) sender.queue.close();
  await secondParts?.close();
  await shop.close();
  await standIn.close();
});

function botInstance(parts: RedisParts) {
  const bot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
  const sending = installOutgoingQueue(bot, { rateLimiter: parts.rateLimiter, logger });
  senders.push(sending);
  return { sending, handler: broadcastOutboxHandler({ callApi: sending.callApi, lock: parts.lock, sessions: parts.sessions, logger }) };
}

async function outboxCounts() {
  return shop.app.persistence.uow.run((tx) => tx.outbox.countByStatus());
}

it('reaches each of 500 chats exactly once, under the limits, with 429s injected', async () => {
  const { app } = shop;
  const users: LocalUser[] = [];
  for (let i = 0; i < RECIPIENTS; i++) {
    const user = standIn.driver.createUser({ first_name: `Shopper ${i}` });
    standIn.driver.userStartsBot(user);
    await app.shop.account.identifyShopper({ id: String(user.id), firstName: user.first_name, lastName: null, username: null, languageCode: 'en' });
    users.push(user);
  }
  const blocked = users.slice(10, 10 + BLOCKED);
  for (const user of blocked) standIn.driver.userBlocksBot(user);
  const flooded = users.filter((_, i) => i % 40 === 25).slice(0, FLOODED_CHATS);
  for (const user of flooded) standIn.faults.inject({ kind: 'retryAfter', retryAfter: 1, method: 'sendMessage', chatId: user.id });
  // And the first calls of the run, whichever chats they are for.
  standIn.faults.inject({ kind: 'retryAfter', retryAfter: 2, method: 'sendMessage', times: 2 });
  const injected = FLOODED_CHATS + 2;

  // Instance A: the app's own outbox pump. Instance B: a second dispatcher with its own queue and connection.
  const a = botInstance(app.redis);
  app.registerOutboxHandler(broadcastSendHandler(a.handler));
  secondParts = app.redis.backend === 'redis' ? createRedisParts(testRedisUrl(), { prefix: 'tillbot:' }) : null;
  const b = botInstance(secondParts ?? app.redis);
  const dispatchB: DispatchDeps = {
    uow: app.persistence.uow,
    clock: systemClock,
    handlers: new OutboxHandlers([broadcastSendHandler(b.handler)]),
    owner: 'instance-b',
    leaseMs: 60_000,
    log: () => undefined,
  };

  const shopDeps = { uow: app.persistence.uow, clock: systemClock, limits: app.config.limits };
  const starter = { startBroadcast: (cmd: Parameters<typeof startBroadcastUseCase>[1]) => startBroadcastUseCase(shopDeps, cmd) };
  const text = 'Spring sale: every key 20% off until Sunday.';
  const admin = must(users[0], 'a first shopper (the admin)');
  const started = await startBroadcast({ shop: starter }, text, admin.id);
  if (!started.ok) throw new Error(started.error.message);
  const { broadcastId } = started.value;
  expect(started.value.recipients).toBe(RECIPIENTS);

  const drainB = async (): Promise<void> => {
    while ((await dispatchOutbox(dispatchB, 50)).claimed > 0);
  };
  const startedAt = Date.now();
  while (!broadcastProgress(broadcastId)?.done) {
    if (Date.now() - startedAt > 45_000) throw new Error(`broadcast not done in time: ${JSON.stringify(broadcastProgress(broadcastId))}`);
    await Promise.all([app.pump.flush(), drainB()]);
    if (!broadcastProgress(broadcastId)?.done) await new Promise((resolve) => setTimeout(resolve, 250));
  }

  expect(broadcastProgress(broadcastId)).toEqual({ broadcastId, recipients: RECIPIENTS, sent: RECIPIENTS - BLOCKED, failed: BLOCKED, done: true });
  for (const user of users) {
    const expected = blocked.includes(user) ? [] : [text];
    expect(standIn.driver.botMessages(user.id).map((m) => m.message.text)).toEqual(expected);
  }
  const rates = standIn.sendRates();
  expect(rates.totalMessages).toBe(RECIPIENTS - BLOCKED);
  expect(rates.maxPerChat).toBe(1);
  expect(rates.maxGlobal).toBeLessThanOrEqual(TELEGRAM_GLOBAL_PER_SECOND);
  // Every 429 was one of ours: the stand-in's own flood control never had to refuse anything.
  const refusals = standIn.calls.byMethod('sendMessage').filter((c) => c.httpStatus === 429);
  expect(refusals.filter((c) => c.fault === undefined)).toEqual([]);
  expect(refusals).toHaveLength(injected);
  expect(standIn.faults.pending()).toBe(0);
  expect(senders.reduce((sum, s) => sum + s.queue.stats().retried429, 0)).toBe(injected);
  expect(senders.map((s) => s.queue.stats().sent).every((sent) => sent > 0)).toBe(true);
  expect(await outboxCounts()).toEqual({ PENDING: 0, DONE: RECIPIENTS, DEAD: 0 });

  // Starting it again (a retried or double-pressed confirmation) queues nothing new and sends nothing.
  const again = await startBroadcast({ shop: starter }, text, admin.id, broadcastId);
  expect(again).toEqual({ ok: true, value: { broadcastId, recipients: RECIPIENTS } });
  await Promise.all([app.pump.flush(), drainB()]);
  expect(await outboxCounts()).toEqual({ PENDING: 0, DONE: RECIPIENTS, DEAD: 0 });
  expect(standIn.sendRates().totalMessages).toBe(RECIPIENTS - BLOCKED);
});
