import { AdminNotice, Notifier, SellerNotice, SellerRecipient, ShopperNotice } from '../../domain/messaging';

/**
 * Every chat channel notices go out on (the bot's chats; mail has its own outbox messages, see messaging's `mail.notice`), behind the one Notifier the messaging context
 * is given. With no channel connected, notices go to the fallback (the log), so nothing is silently dropped.
 * A channel that throws fails the outbox message, which is tried again — on every channel, so a channel must
 * tolerate a repeated notice (the chat one rewrites the same message).
 */
export class NotifierChannels implements Notifier {
  private readonly channels = new Map<string, Notifier>();

  constructor(private readonly fallback: Notifier) {}

  /** Connects (or replaces) a channel by name. */
  use(name: string, channel: Notifier): void {
    this.channels.set(name, channel);
  }

  async notifyShopper(notice: ShopperNotice): Promise<void> {
    for (const channel of this.current()) await channel.notifyShopper(notice);
  }

  async notifyAdmins(notice: AdminNotice): Promise<void> {
    for (const channel of this.current()) await channel.notifyAdmins(notice);
  }

  async notifySeller(notice: SellerNotice, to: SellerRecipient): Promise<void> {
    for (const channel of this.current()) await channel.notifySeller(notice, to);
  }

  private current(): Notifier[] {
    return this.channels.size > 0 ? [...this.channels.values()] : [this.fallback];
  }
}
