import type { Telegraf } from 'telegraf';
import type { UpdateType } from 'telegraf/typings/telegram-types';
import type { Logger } from '../../infrastructure/logging/logger';
import type { BotContext } from '../bot-context';

export type LaunchPlan = { mode: 'polling' } | { mode: 'webhook'; url: string; secret: string };

// inline_query: `@bot 会员` in any chat (inline mode must also be switched on for the bot with @BotFather's /setinline).
// pre_checkout_query: Telegram Stars (a bot that does not ask for it never hears of a payment about to happen).
export const ALLOWED_UPDATES: UpdateType[] = ['message', 'callback_query', 'my_chat_member', 'inline_query', 'pre_checkout_query'];

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** A polling run this long counts as healthy: the next failure starts the backoff over. */
const HEALTHY_RUN_MS = 60_000;

const backoffMs = (attempt: number): number => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.8 + Math.random() * 0.4);

/**
 * Connects the bot to the Bot API in the background: getMe, then setWebhook or long polling. An unreachable or
 * refusing Bot API is retried with capped backoff and logged, never thrown at the process; stop() ends polling
 * (telegraf confirms the last offset) and any pending retry.
 */
export class BotLauncher {
  private stopping = false;
  private running: Promise<void> | null = null;
  private polling = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly bot: Telegraf<BotContext>,
    private readonly plan: LaunchPlan,
    private readonly logger: Logger,
    private readonly onConnected: () => Promise<void>,
  ) {}

  start(): void {
    if (this.running || this.stopping) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (this.polling) {
      try {
        this.bot.stop('shutdown');
      } catch {
        // Not running any more (the poll had just failed): nothing to stop.
      }
    }
    if (this.running) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
    }
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopping) {
      const startedAt = Date.now();
      try {
        this.bot.botInfo = await this.bot.telegram.getMe();
        if (this.stopping) return;
        if (this.plan.mode === 'webhook') {
          await this.bot.telegram.setWebhook(this.plan.url, { secret_token: this.plan.secret, allowed_updates: ALLOWED_UPDATES, max_connections: 40 });
          this.logger.info({ url: this.plan.url, bot: this.bot.botInfo.username }, 'telegram webhook set');
          this.connected();
          return;
        }
        this.polling = true;
        await this.bot.launch({ allowedUpdates: ALLOWED_UPDATES }, () => {
          this.logger.info({ bot: this.bot.botInfo?.username }, 'telegram long polling started');
          this.connected();
        });
        this.polling = false;
        if (this.stopping) return;
        this.logger.warn('telegram long polling ended by itself; starting it again');
      } catch (e) {
        this.polling = false;
        if (this.stopping) return;
        if (Date.now() - startedAt > HEALTHY_RUN_MS) attempt = 0;
        const waitMs = Math.round(backoffMs(attempt++));
        this.logger.warn({ err: e, retryInMs: waitMs }, 'telegram Bot API not usable; retrying');
        await this.pause(waitMs);
      }
    }
  }

  private connected(): void {
    this.onConnected().catch((e: unknown) => this.logger.warn({ err: e }, 'bot set-up after connecting failed (commands menu)'));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
