import type { Telegram } from 'telegraf';
import type { Logger } from '../../../infrastructure/logging/logger';
import { broadcastProgress, BroadcastStarter, startBroadcast } from '../../sending';
import type { Translate } from '../../i18n/translate';
import { editText } from '../../ui/telegram-io';

const TICK_MS = 2_000;
const FOLLOW_AT_MOST_MS = 30 * 60_000;

/**
 * Starts broadcasts (the sending side queues one outbox message per shopper) and keeps the admin's progress
 * message up to date by editing it while the sends go out, until done or for at most half an hour.
 */
export class BroadcastDesk {
  private readonly followers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly tg: Telegram,
    private readonly starter: BroadcastStarter,
    private readonly logger: Logger,
  ) {}

  start(text: string, adminChatId: number, broadcastId: string): ReturnType<typeof startBroadcast> {
    return startBroadcast({ shop: this.starter }, text, adminChatId, broadcastId);
  }

  follow(t: Translate, chatId: number, messageId: number, broadcastId: string, total: number): void {
    const startedAt = Date.now();
    let shown = '';
    const timer = setInterval(() => {
      const progress = broadcastProgress(broadcastId);
      const sent = progress?.sent ?? 0;
      const failed = progress?.failed ?? 0;
      const done = progress?.done === true || sent + failed >= total;
      const text = t(done ? 'broadcastDone' : 'broadcastProgress', { id: broadcastId, sent, failed, total });
      if (done || Date.now() - startedAt > FOLLOW_AT_MOST_MS) this.unfollow(timer);
      if (text === shown) return;
      shown = text;
      editText(this.tg, chatId, messageId, text).catch((e: unknown) =>
        this.logger.warn({ err: e, broadcastId }, 'broadcast progress message could not be updated'),
      );
    }, TICK_MS);
    timer.unref();
    this.followers.add(timer);
  }

  stopAll(): void {
    for (const timer of this.followers) clearInterval(timer);
    this.followers.clear();
  }

  private unfollow(timer: NodeJS.Timeout): void {
    clearInterval(timer);
    this.followers.delete(timer);
  }
}
