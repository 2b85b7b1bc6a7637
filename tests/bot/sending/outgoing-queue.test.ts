// The outgoing queue against the offline Bot API stand-in, through the real telegraf client.
import { Readable } from 'node:stream';
import pino from 'pino';
import QRCode from 'qrcode';
import { Telegraf } from 'telegraf';
import { clientWithSendDeadline } from '../../../bot/sending/deadline-client';
import { installOutgoingQueue, OutcomeUnknownError, OutgoingCallExpiredError, OutgoingSender } from '../../../bot/sending';
import { createLogger } from '../../../infrastructure/logging/logger';
import { createRedisParts, RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import { LocalBotApi, RecordedCall, LocalUser, startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { testRedisUrl, uniqueName } from '../../support/services';
import { must } from '../../support/must';

const logger = createLogger('silent');
// Fast figures so the file runs in seconds; the stand-in is set looser than the queue, so any 429 it gives
// on its own would mean the queue broke its pace.
const QUEUE_LIMITS = { perChatPerSecond: 10, perChatBurst: 2, globalPerSecond: 50, attemptTimeoutMs: 1_000, transientBackoffMs: 50 };

let standIn: LocalBotApi;
let parts: RedisParts;
let bot: Telegraf;
let sending: OutgoingSender;

const newChat = (): LocalUser => {
  const user = standIn.driver.createUser();
  standIn.driver.userStartsBot(user);
  return user;
};
const callsTo = (chatId: number, method = 'sendMessage'): RecordedCall[] =>
  standIn.calls.byMethod(method).filter((c) => String(c.params.chat_id) === String(chatId));
const texts = (chatId: number): string[] => standIn.driver.botMessages(chatId).map((m) => m.message.text ?? '');
const floodAnswersOfTheStandIn = (): RecordedCall[] => standIn.calls.all().filter((c) => c.httpStatus === 429 && c.fault === undefined);

async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded; a failure was expected');
}

beforeAll(async () => {
  standIn = await startLocalBotApi({ rateLimits: { perChatPerSecond: 20, perChatBurst: 5, globalPerSecond: 100, globalBurst: 100 } });
  parts = createRedisParts(undefined, { prefix: `${uniqueName('tbq')}:` });
  bot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
  sending = installOutgoingQueue(bot, { rateLimiter: parts.rateLimiter, logger, limits: QUEUE_LIMITS });
});

afterAll(async () => {
  sending.queue.close();
  await parts.close();
  await standIn.close();
});

afterEach(() => standIn.faults.clear());

describe('the outgoing queue', () => {
  it('keeps one chat in order while its head waits out a 429, and does not hold up other chats', async () => {
    const a = newChat();
    const b = newChat();
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 1, method: 'sendMessage', chatId: a.id });
    const before = sending.queue.stats().retried429;
    const sends = Array.from({ length: 8 }, (_, i) => bot.telegram.sendMessage(a.id, `a${i + 1}`));
    await bot.telegram.sendMessage(b.id, 'b1');
    await Promise.all(sends);

    expect(texts(a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(must(standIn.driver.botMessages(b.id)[0], 'b1').sentAt).toBeLessThan(must(standIn.driver.botMessages(a.id)[0], 'a1').sentAt);
    expect(sending.queue.stats().retried429 - before).toBe(1);
    expect(floodAnswersOfTheStandIn()).toEqual([]);
  });

  it('sends the same call again only after retry_after has passed', async () => {
    const chat = newChat();
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 2, method: 'sendMessage', chatId: chat.id });
    await bot.telegram.sendMessage(chat.id, 'after the flood wait');

    const [refused, retried, ...more] = callsTo(chat.id);
    expect(more).toEqual([]);
    if (!refused || !retried) throw new Error('expected a refused sendMessage and its retry');
    expect(refused.httpStatus).toBe(429);
    expect(retried.httpStatus).toBe(200);
    expect(retried.params.text).toBe('after the flood wait');
    expect(retried.receivedAt - (refused.answeredAt ?? refused.receivedAt)).toBeGreaterThanOrEqual(2_000);
    expect(texts(chat.id)).toEqual(['after the flood wait']);
  });

  it("does not retry a 400: the caller gets Telegram's error after one call", async () => {
    const error = await rejection(bot.telegram.sendMessage(987_654_321, 'nobody is here'));
    expect(error).toMatchObject({ code: 400, description: 'Bad Request: chat not found' });
    expect(callsTo(987_654_321)).toHaveLength(1);
  });

  it('retries a 5xx answered before processing, and the chat gets the message once', async () => {
    const chat = newChat();
    standIn.faults.inject({ kind: 'serverError', status: 502, method: 'sendMessage', chatId: chat.id });
    await bot.telegram.sendMessage(chat.id, 'through the hiccup');
    expect(callsTo(chat.id).map((c) => c.httpStatus)).toEqual([502, 200]);
    expect(texts(chat.id)).toEqual(['through the hiccup']);
  });

  it('reports a call that got no answer as outcome unknown and never sends it again', async () => {
    const chat = newChat();
    standIn.faults.inject({ kind: 'hang', method: 'sendMessage', chatId: chat.id });
    const error = await rejection(bot.telegram.sendMessage(chat.id, 'lost in the wire'));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(callsTo(chat.id)).toHaveLength(1);

    await bot.telegram.sendMessage(chat.id, 'the chat still works');
    expect(callsTo(chat.id)).toHaveLength(2);
    expect(texts(chat.id)).toEqual(['the chat still works']);
  });

  it('gives a call up unsent at its deadline when the flood wait would outlast it', async () => {
    const chat = newChat();
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 30, method: 'sendMessage', chatId: chat.id });
    const error = await rejection(sending.callApi('sendMessage', { chat_id: chat.id, text: 'too late' }, { deadlineMs: 1_000 }));
    expect(error).toBeInstanceOf(OutgoingCallExpiredError);
    expect(texts(chat.id)).toEqual([]);
    expect(sending.queue.stats().expired).toBeGreaterThanOrEqual(1);
  });

  it('a client with a send deadline (the outbox notifier) gives its telegraf calls up unsent at that deadline', async () => {
    const chat = newChat();
    // The chat's lane is held by a call that gets no answer (until attemptTimeoutMs); the notice queued behind it
    // gives up at its own deadline instead of waiting its turn.
    standIn.faults.inject({ kind: 'hang', method: 'sendMessage', chatId: chat.id });
    const stuck = rejection(bot.telegram.sendMessage(chat.id, 'on the wire'));
    const notifierClient = clientWithSendDeadline(bot.telegram, sending, 100);
    const error = await rejection(notifierClient.sendMessage(chat.id, 'your order is delivered'));
    expect(error).toBeInstanceOf(OutgoingCallExpiredError);
    expect(await stuck).toBeInstanceOf(OutcomeUnknownError);
    expect(callsTo(chat.id)).toHaveLength(1);
    expect(texts(chat.id)).toEqual([]);
  });

  it('uploads a streamed photo again, whole, after a 429', async () => {
    const chat = newChat();
    const png = await QRCode.toBuffer('tillbot retry upload');
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 1, method: 'sendPhoto', chatId: chat.id });
    await bot.telegram.sendPhoto(chat.id, { source: Readable.from([png]), filename: 'qr.png' }, { caption: 'QR' });

    expect(callsTo(chat.id, 'sendPhoto').map((c) => c.httpStatus)).toEqual([429, 200]);
    const photo = must(standIn.driver.botMessages(chat.id)[0], 'the photo message');
    expect(standIn.driver.downloadPhoto(photo.message).equals(png)).toBe(true);
  });

  it('routes ctx.reply of every update through the queue, in order', async () => {
    const chat = newChat();
    const replied = new Promise<void>((resolve, reject) => {
      bot.on('text', async (ctx) => {
        try {
          await Promise.all([1, 2, 3, 4, 5].map((i) => ctx.reply(`reply ${i}`)));
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    const sentBefore = sending.queue.stats().sent;
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 1, method: 'sendMessage', chatId: chat.id });
    const updates = await bot.telegram.getUpdates(0, 100, 0, undefined);
    const update = updates.filter((u) => 'message' in u && u.message.chat.id === chat.id).at(-1);
    if (!update) throw new Error('the stand-in has no update from the new chat');
    await bot.handleUpdate(update);
    await replied;

    expect(texts(chat.id)).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
    expect(sending.queue.stats().sent - sentBefore).toBe(5);
    expect(callsTo(chat.id)).toHaveLength(6);
  });

  it('retries a refused connection with backoff, then fails with the network error', async () => {
    const nowhere = new Telegraf(standIn.token, { telegram: { apiRoot: 'http://127.0.0.1:1', webhookReply: false } });
    const refused = installOutgoingQueue(nowhere, {
      rateLimiter: parts.rateLimiter,
      logger,
      limits: { ...QUEUE_LIMITS, maxTransientRetries: 2, transientBackoffMs: 20 },
    });
    try {
      const error = await rejection(nowhere.telegram.sendMessage(42, 'into the void'));
      expect(error).toMatchObject({ code: 'ECONNREFUSED' });
      expect(refused.queue.stats()).toMatchObject({ retriedTransient: 2, failed: 1, sent: 0 });
    } finally {
      refused.queue.close();
    }
  });

  it('keeps sending at a local pace when the shared rate limiter is unavailable', async () => {
    // A real Redis connection that is shut: every command fails with KeyValueUnavailableError, as in an outage.
    const shut = createRedisParts(testRedisUrl() ?? 'redis://127.0.0.1:1', { prefix: `${uniqueName('tbq')}:`, commandTimeoutMs: 200, log: () => undefined });
    await shut.ping();
    await shut.close();
    const lines: string[] = [];
    const captured = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const other = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
    const fallback = installOutgoingQueue(other, { rateLimiter: shut.rateLimiter, logger: captured, limits: QUEUE_LIMITS });
    try {
      const chat = newChat();
      await Promise.all(['x', 'y', 'z'].map((t) => other.telegram.sendMessage(chat.id, t)));
      expect(texts(chat.id)).toEqual(['x', 'y', 'z']);
      expect(fallback.queue.stats()).toMatchObject({ sent: 3, failed: 0, queued: 0 });
      expect(lines.some((line) => line.includes('pacing in this process only'))).toBe(true);
    } finally {
      fallback.queue.close();
    }
  });

  it('answers callback queries and getters at once, outside the queue', async () => {
    const bypassed = sending.queue.stats().bypassed;
    await bot.telegram.getMe();
    expect(sending.queue.stats().bypassed).toBe(bypassed + 1);
  });
});
