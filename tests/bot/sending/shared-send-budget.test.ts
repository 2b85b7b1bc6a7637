// Two bot instances (two queues, two telegraf clients, one token) share one bot-wide send budget.
import { Telegraf } from 'telegraf';
import { installOutgoingQueue } from '../../../bot/sending';
import { createLogger } from '../../../infrastructure/logging/logger';
import { createRedisParts, RedisParts } from '../../../infrastructure/redis/create-redis-parts';
import { startLocalBotApi } from '../../../infrastructure/telegram/local-bot-api';
import { redisBackends, testRedisUrl, uniqueName } from '../../support/services';
import { must } from '../../support/must';

const logger = createLogger('silent');
// Telegram's cap as the stand-in enforces it (a sliding 1 s window), and the queue's pace below it: the budget is
// granted before the request travels, so the same margin as the production default (25 under 30) absorbs jitter.
const GLOBAL_PER_SECOND = 20;
const QUEUE_PER_SECOND = 16;
const PER_INSTANCE = 30;

describe.each(redisBackends())('the bot-wide send budget (%s)', (backend) => {
  it('holds across two queue instances on the same rate limiter', async () => {
    // Each instance alone stays under the cap; the two together would be far over it unless they share the budget.
    const standIn = await startLocalBotApi({
      rateLimits: { perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: GLOBAL_PER_SECOND, globalBurst: GLOBAL_PER_SECOND },
    });
    const prefix = `${uniqueName('tbbudget')}:`;
    // Redis: each instance has its own connection, as two processes would. Memory: one process, one store.
    const first: RedisParts = createRedisParts(backend === 'redis' ? testRedisUrl() : undefined, { prefix });
    const second: RedisParts = backend === 'redis' ? createRedisParts(testRedisUrl(), { prefix }) : first;
    const limits = { globalPerSecond: QUEUE_PER_SECOND };
    const instances = [first, second].map((parts) => {
      const bot = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
      return { bot, sending: installOutgoingQueue(bot, { rateLimiter: parts.rateLimiter, logger, limits }) };
    });
    try {
      const users = Array.from({ length: 2 * PER_INSTANCE }, () => {
        const user = standIn.driver.createUser();
        standIn.driver.userStartsBot(user);
        return user;
      });
      await Promise.all(users.map((user, i) => must(instances[i % instances.length], 'an instance').bot.telegram.sendMessage(user.id, `hello ${user.id}`)));

      for (const user of users) expect(standIn.driver.botMessages(user.id).map((m) => m.message.text)).toEqual([`hello ${user.id}`]);
      const rates = standIn.sendRates();
      expect(rates.totalMessages).toBe(2 * PER_INSTANCE);
      expect(rates.maxGlobal).toBeLessThanOrEqual(GLOBAL_PER_SECOND);
      expect(standIn.calls.all().filter((c) => c.httpStatus === 429)).toEqual([]);
      for (const { sending } of instances) expect(sending.queue.stats()).toMatchObject({ sent: PER_INSTANCE, retried429: 0, failed: 0 });
    } finally {
      for (const { sending } of instances) sending.queue.close();
      await first.close();
      if (second !== first) await second.close();
      await standIn.close();
    }
  });
});
