import type { Context, Telegraf } from 'telegraf';
import type { RateLimiter } from '../../domain/shared/ports/rate-limiter';
import type { Logger } from '../../infrastructure/logging/logger';
import { OutgoingQueue, QueuedCallOptions } from './outgoing-queue';
import { withReplayableUploads } from './replayable-uploads';
import { SendingLimits } from './sending-limits';

type TelegramClient = Telegraf<Context>['telegram'];
type RawCallApi = (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;

export interface InstallOutgoingQueueDeps {
  rateLimiter: RateLimiter;
  logger: Logger;
  limits?: Partial<SendingLimits>;
}

export interface OutgoingSender {
  readonly queue: OutgoingQueue;
  /** A Bot API call through the queue with the bot's own client, with options telegraf's methods cannot pass. */
  callApi(method: string, payload: Record<string, unknown>, options?: QueuedCallOptions): Promise<unknown>;
}

// The client's own callApi, kept per client so a second install never queues a call twice.
const originals = new WeakMap<object, RawCallApi>();

function queuedCall(queue: OutgoingQueue, raw: RawCallApi, method: string, payload: unknown, options: QueuedCallOptions): Promise<unknown> {
  // Buffered at the call's first turn, not before queueing: reading a stream first would let later calls overtake it.
  let stable: Promise<unknown> | undefined;
  const attempt = async (signal: AbortSignal | undefined): Promise<unknown> =>
    raw(method, await (stable ??= withReplayableUploads(payload)), signal ? { signal } : {});
  return queue.run({ method, payload, attempt }, options);
}

function routeThroughQueue(queue: OutgoingQueue, telegram: TelegramClient): RawCallApi {
  const known = originals.get(telegram);
  if (known) return known;
  const raw = telegram.callApi.bind(telegram) as unknown as RawCallApi;
  const patched: RawCallApi = (method, payload, options = {}) =>
    queuedCall(queue, raw, method, payload, { ...(options.signal ? { signal: options.signal } : {}) });
  telegram.callApi = patched as unknown as TelegramClient['callApi'];
  originals.set(telegram, raw);
  return raw;
}

// The bot's name for the shared budget: its numeric id (the token's public half), never the secret.
const budgetKeyOf = (token: string): string => `telegram:send:${token.split(':')[0] || 'bot'}`;

/**
 * Routes every Bot API call of the bot through one OutgoingQueue: `bot.telegram` now, and each update's own
 * `ctx.telegram` (telegraf makes a new client per update) before any middleware runs, whatever order the bot's
 * middleware was registered in.
 */
export function installOutgoingQueue<C extends Context>(bot: Telegraf<C>, deps: InstallOutgoingQueueDeps): OutgoingSender {
  const queue = new OutgoingQueue({
    rateLimiter: deps.rateLimiter,
    logger: deps.logger,
    budgetKey: budgetKeyOf(bot.telegram.token),
    ...(deps.limits ? { limits: deps.limits } : {}),
  });
  const raw = routeThroughQueue(queue, bot.telegram);
  // handleUpdate asks middleware() for the chain on every update, after it built the update's context.
  const chain = bot.middleware.bind(bot);
  bot.middleware = () => {
    const inner = chain();
    return (ctx, next) => {
      routeThroughQueue(queue, ctx.telegram);
      return inner(ctx, next);
    };
  };
  return {
    queue,
    callApi: (method, payload, options = {}) => queuedCall(queue, raw, method, payload, options),
  };
}
