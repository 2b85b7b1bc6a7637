// Starting a broadcast (the domain use case) and the outbox handler's once-per-chat guard.
import { Telegraf } from 'telegraf';
import { broadcastOutboxHandler, broadcastProgress, installOutgoingQueue, newBroadcastId, OutgoingSender, startBroadcast } from '../../../bot/sending';
import { broadcastDedupeKey, broadcastSendTopic, startBroadcast as startBroadcastUseCase, StartBroadcast } from '../../../domain/messaging';
import { systemClock } from '../../../domain/shared/clock';
import { OutboxMessage } from '../../../domain/shared/outbox/outbox-repository';
import { createLogger } from '../../../infrastructure/logging/logger';
import { LocalBotApi, LocalUser, startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { startTestShop, TestShop } from '../../support/test-shop';

const logger = createLogger('silent');

let standIn: LocalBotApi;
let shop: TestShop;
let sending: OutgoingSender;
let users: [LocalUser, LocalUser, LocalUser];
let starter: { startBroadcast(cmd: StartBroadcast): ReturnType<typeof startBroadcastUseCase> };

const pendingCount = async (): Promise<number> => (await shop.app.persistence.uow.run((tx) => tx.outbox.countByStatus())).PENDING;

/** Takes every due message off the outbox, as a dispatcher would, so the test can look at them. */
async function claimAll(): Promise<OutboxMessage[]> {
  const now = new Date();
  return shop.app.persistence.uow.run((tx) => tx.outbox.claimDue('inspector', now, new Date(now.getTime() + 60_000), 100));
}

const messageFor = (broadcastId: string, chatId: number, text: string): OutboxMessage => ({
  id: 0,
  topic: broadcastSendTopic.name,
  payload: { broadcastId, chatId: String(chatId), text, adminId: '1' },
  dedupeKey: broadcastDedupeKey(broadcastId, String(chatId)),
  attempts: 0,
  nextAttemptAt: new Date(),
  status: 'PENDING',
  lastError: null,
  createdAt: new Date(),
});

beforeAll(async () => {
  standIn = await startLocalBotApi({ rateLimits: true });
  shop = await startTestShop('sqlite');
  const shopDeps = { uow: shop.app.persistence.uow, clock: systemClock, limits: shop.app.config.limits };
  starter = { startBroadcast: (cmd) => startBroadcastUseCase(shopDeps, cmd) };
  const bot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
  sending = installOutgoingQueue(bot, { rateLimiter: shop.app.redis.rateLimiter, logger });
  const newUser = (i: number): LocalUser => {
    const user = standIn.driver.createUser({ first_name: `User ${i}` });
    standIn.driver.userStartsBot(user);
    return user;
  };
  users = [newUser(0), newUser(1), newUser(2)];
  for (const user of users)
    await shop.app.shop.account.identifyShopper({ id: String(user.id), firstName: user.first_name, lastName: null, username: null, languageCode: 'en' });
});

afterAll(async () => {
  sending.queue.close();
  await shop.close();
  await standIn.close();
});

describe('starting a broadcast', () => {
  it.each([
    ['an empty text', ''],
    ['a text of spaces', '   \n '],
    ['a text over 4096 characters', 'x'.repeat(4097)],
    ["4096 emoji (8192 UTF-16 units, over Telegram's count)", '🎉'.repeat(4096)],
  ])('refuses %s and queues nothing', async (_label, text) => {
    const result = await startBroadcast({ shop: starter }, text, users[0].id);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await pendingCount()).toBe(0);
  });

  it('refuses a broadcast id that could not travel in callback data', async () => {
    const result = await startBroadcast({ shop: starter }, 'hello', users[0].id, 'not ok: spaces and :');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'broadcastId' } } });
  });

  it('queues one message per shopper, and the same id again queues nothing more', async () => {
    const broadcastId = newBroadcastId();
    const first = await startBroadcast({ shop: starter }, '  New stock is in  ', users[0].id, broadcastId);
    expect(first).toEqual({ ok: true, value: { broadcastId, recipients: 3 } });
    const again = await startBroadcast({ shop: starter }, '  New stock is in  ', users[0].id, broadcastId);
    expect(again).toEqual({ ok: true, value: { broadcastId, recipients: 3 } });
    expect(broadcastProgress(broadcastId)).toEqual({ broadcastId, recipients: 3, sent: 0, failed: 0, done: false });

    const queued = await claimAll();
    expect(queued.map((m) => [m.topic, m.dedupeKey]).sort()).toEqual(users.map((u) => [broadcastSendTopic.name, `broadcast:${broadcastId}:${u.id}`]).sort());
    for (const message of queued)
      expect(message.payload).toEqual({ broadcastId, chatId: expect.any(String), text: 'New stock is in', adminId: String(users[0].id) });
  });

  it('knows nothing of a broadcast this process never saw', () => {
    expect(broadcastProgress('b-unknown')).toBeNull();
  });
});

describe('the broadcast outbox handler', () => {
  it('sends once even when the same message is handled twice (a lapsed lease), and counts it once', async () => {
    const handler = broadcastOutboxHandler({ callApi: sending.callApi, lock: shop.app.redis.lock, sessions: shop.app.redis.sessions, logger });
    const broadcastId = newBroadcastId();
    const message = messageFor(broadcastId, users[1].id, 'once only');
    await expect(handler(message)).resolves.toBe(true);
    await expect(handler(message)).resolves.toBe(true);
    expect(standIn.driver.botMessages(users[1].id).filter((m) => m.message.text === 'once only')).toHaveLength(1);
    expect(broadcastProgress(broadcastId)).toMatchObject({ sent: 1, failed: 0 });
  });

  it('counts a chat that blocked the bot as failed, without retrying it', async () => {
    const handler = broadcastOutboxHandler({ callApi: sending.callApi, lock: shop.app.redis.lock, sessions: shop.app.redis.sessions, logger });
    const blocker = standIn.driver.createUser();
    standIn.driver.userStartsBot(blocker);
    standIn.driver.userBlocksBot(blocker);
    const broadcastId = newBroadcastId();
    await expect(handler(messageFor(broadcastId, blocker.id, 'you blocked me'))).resolves.toBe(true);
    expect(broadcastProgress(broadcastId)).toMatchObject({ sent: 0, failed: 1 });
    expect(
      standIn.calls
        .byMethod('sendMessage')
        .filter((c) => String(c.params.chat_id) === String(blocker.id))
        .map((c) => c.httpStatus),
    ).toEqual([403]);
  });

  it("leaves a message to the outbox's retry while another dispatcher holds it", async () => {
    const handler = broadcastOutboxHandler({ callApi: sending.callApi, lock: shop.app.redis.lock, sessions: shop.app.redis.sessions, logger });
    const broadcastId = newBroadcastId();
    const lease = await shop.app.redis.lock.acquire(`broadcast:${broadcastId}:${users[2].id}`, 10_000);
    try {
      await expect(handler(messageFor(broadcastId, users[2].id, 'not now'))).rejects.toThrow(/being sent by another dispatcher/);
    } finally {
      await lease?.release();
    }
    expect(standIn.driver.botMessages(users[2].id).filter((m) => m.message.text === 'not now')).toEqual([]);
  });

  it('hands a message that waited past its send deadline back to the outbox, unsent', async () => {
    const handler = broadcastOutboxHandler({
      callApi: sending.callApi,
      lock: shop.app.redis.lock,
      sessions: shop.app.redis.sessions,
      logger,
      sendDeadlineMs: 1_000,
    });
    const broadcastId = newBroadcastId();
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 30, method: 'sendMessage', chatId: users[0].id });
    await expect(handler(messageFor(broadcastId, users[0].id, 'flood-bound'))).rejects.toThrow(/not sent within/);
    expect(broadcastProgress(broadcastId)).toBeNull();
    // Nothing was recorded for it: a later attempt (here by another instance, whose queue has no flood wait) sends it.
    const otherBot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
    const other = installOutgoingQueue(otherBot, { rateLimiter: shop.app.redis.rateLimiter, logger });
    const otherHandler = broadcastOutboxHandler({ callApi: other.callApi, lock: shop.app.redis.lock, sessions: shop.app.redis.sessions, logger });
    await expect(otherHandler(messageFor(broadcastId, users[0].id, 'flood-bound'))).resolves.toBe(true);
    other.queue.close();
    expect(standIn.driver.botMessages(users[0].id).filter((m) => m.message.text === 'flood-bound')).toHaveLength(1);
  });
});
