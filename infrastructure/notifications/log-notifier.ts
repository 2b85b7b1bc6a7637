import { AdminNotice, Notifier, SellerNotice, SellerRecipient, ShopperNotice } from '../../domain/messaging';
import { Logger } from '../logging/logger';

/** Where notices go while no chat is connected: the log, so nothing is silently dropped. */
export class LogNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  async notifyShopper(notice: ShopperNotice): Promise<void> {
    this.logger.info({ notice }, 'shopper notice');
  }

  async notifyAdmins(notice: AdminNotice): Promise<void> {
    this.logger.info({ notice }, 'admin notice');
  }

  async notifySeller(notice: SellerNotice, to: SellerRecipient): Promise<void> {
    this.logger.info({ notice, chatId: to.chatId }, 'seller notice');
  }
}
