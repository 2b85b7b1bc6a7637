import { tooManyRequests } from './bot-api-error';

export interface RateLimitConfig {
  /** Sustained messages per second into one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** How many messages one chat takes at once before the per-chat rate applies ("short bursts"). */
  perChatBurst: number;
  /** Messages one bot may deliver across all chats within any 1 s (Telegram: about 30). */
  globalPerSecond: number;
  /** How many of those may go out at once; the rest is paced at globalPerSecond. Default: globalPerSecond. */
  globalBurst?: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30 };

const WINDOW_MS = 1000;

/** Per chat: a token bucket, so a short burst passes and then the steady rate applies. */
class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Seconds until one token is available (0: one is available now). */
  wait(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.rate;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** Per bot: a sliding 1 s window, so no second ever holds more than the cap. */
class SlidingWindow {
  private times: number[] = [];

  constructor(private readonly cap: number) {}

  wait(now: number): number {
    this.times = this.times.filter((t) => now - t < WINDOW_MS);
    const oldest = this.times[0];
    return this.times.length < this.cap || oldest === undefined ? 0 : (oldest + WINDOW_MS - now) / 1000;
  }

  take(now: number): void {
    this.times.push(now);
  }
}

interface BotLimits {
  window: SlidingWindow;
  burst: TokenBucket;
}

/** Telegram-like flood control for outgoing messages; over the limit the caller gets 429 with retry_after. */
export class SendRateLimiter {
  private readonly chats = new Map<string, TokenBucket>();
  private readonly bots = new Map<number, BotLimits>();

  constructor(private readonly config: RateLimitConfig) {}

  take(botId: number, chatId: number, now = Date.now()): void {
    const { perChatPerSecond, perChatBurst, globalPerSecond, globalBurst } = this.config;
    const chatKey = `${botId}:${chatId}`;
    let chat = this.chats.get(chatKey);
    if (!chat) this.chats.set(chatKey, (chat = new TokenBucket(perChatPerSecond, perChatBurst, now)));
    let bot = this.bots.get(botId);
    if (!bot) {
      bot = { window: new SlidingWindow(globalPerSecond), burst: new TokenBucket(globalPerSecond, globalBurst ?? globalPerSecond, now) };
      this.bots.set(botId, bot);
    }
    const wait = Math.max(chat.wait(now), bot.window.wait(now), bot.burst.wait(now));
    if (wait > 0) throw tooManyRequests(wait);
    chat.take();
    bot.burst.take();
    bot.window.take(now);
  }
}
