import { Notifier } from '../domain/messaging';
import { SupportRelay } from '../domain/support';
import { DistributedLock } from '../domain/shared/ports/distributed-lock';
import { RateLimiter } from '../domain/shared/ports/rate-limiter';
import { SessionStore } from '../domain/shared/ports/session-store';
import { OutboxHandler } from '../domain/shared/outbox/outbox-handler';
import { Shop } from '../domain/shop';
import { Logger } from '../infrastructure/logging/logger';

/** The scheduled jobs as the bot's admin menu sees them ("job status" and "run now"). */
export interface JobControl {
  statuses(): Promise<
    Array<{
      name: string;
      schedule: string;
      lastRun: { startedAt: string; finishedAt: string; ok: boolean; result?: Record<string, number>; error?: string } | null;
      nextRunAt: string | null;
    }>
  >;
  runNow(name: string): Promise<{ ran: boolean; ok?: boolean; result?: Record<string, number>; error?: string; reason?: string } | null>;
}

export interface BotSettings {
  token: string;
  /** Any Bot API server (tests and the offline stand-in); unset = Telegram. */
  apiRoot: string | undefined;
  /** Set → webhook mode at `${publicUrl}/telegram/webhook`; unset → long polling. */
  publicUrl: string | undefined;
  webhookSecret: string | undefined;
  adminIds: string[];
  /** SUPPORT_CHAT_ID: the forum supergroup where each ticket gets a topic; unset: admins are written to privately. */
  supportChatId?: string | undefined;
  /** How long an idle chat keeps its session (cart step, wizard state). */
  sessionTtlMs: number;
  /** Minutes east of UTC for "today" in /stats (Beijing: 480). */
  utcOffsetMinutes: number;
  /** The shop's currency (ISO code): credit adjustments are typed in it. */
  currency: string;
}

/** Everything the bot door needs; built by main.ts from the composed App. */
export interface BotDeps {
  shop: Shop;
  settings: BotSettings;
  sessions: SessionStore;
  rateLimiter: RateLimiter;
  lock: DistributedLock;
  jobs: JobControl;
  logger: Logger;
  /** Registers an outbox topic handler (broadcast messages ride the outbox, so none is lost or sent twice). */
  registerOutboxHandler(handler: OutboxHandler): void;
  /** Connects the chat channel: order and admin notices go to chats once the bot runs (instead of the log). */
  useNotifier(channel: string, notifier: Notifier): void;
  /** Connects the support desk's chat side: tickets relayed to the support chat (or admins) and back to shoppers. */
  useSupportRelay?(relay: SupportRelay): void;
}
