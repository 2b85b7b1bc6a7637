import { tooManyRequests } from './bot-api-error';

export interface RateLimitConfig {
  /** Sustained messages per second into one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** How many messages one chat takes at once before the per-chat rate applies. */
  perChatBurst: number;
  /** Sustained messages per second across all chats of one bot (Telegram: about 30). */
  globalPerSecond: number;
  globalBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30, globalBurst: 30 };

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

  /** Seconds until one token is available (0 when one is available now). */
  wait(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.rate;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** Telegram-like flood control for outgoing messages: a bucket per chat and one per bot. */
export class SendRateLimiter {
  private readonly chats = new Map<string, TokenBucket>();
  private readonly bots = new Map<number, TokenBucket>();

  constructor(private readonly config: RateLimitConfig) {}

  /** Takes one message's worth of quota or throws 429 with the seconds to wait. */
  take(botId: number, chatId: number, now = Date.now()): void {
    const chatKey = `${botId}:${chatId}`;
    let chat = this.chats.get(chatKey);
    if (!chat) this.chats.set(chatKey, (chat = new TokenBucket(this.config.perChatPerSecond, this.config.perChatBurst, now)));
    let bot = this.bots.get(botId);
    if (!bot) this.bots.set(botId, (bot = new TokenBucket(this.config.globalPerSecond, this.config.globalBurst, now)));
    const wait = Math.max(chat.wait(now), bot.wait(now));
    if (wait > 0) throw tooManyRequests(wait);
    chat.take();
    bot.take();
  }
}
