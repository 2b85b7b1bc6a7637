import { Input, Telegram, TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import type { Product } from '../../domain/catalog';
import type { Logger } from '../../infrastructure/logging/logger';
import { placeholderPhoto } from '../assets/placeholder-photo';
import { fitCaption } from '../format/telegram-limits';

/**
 * Sends a product card as a photo: the product's own photo by URL (Telegram fetches it), else the placeholder —
 * uploaded once, then reused by its file_id.
 */
export class ProductPhotos {
  private placeholderFileId: string | null = null;

  constructor(private readonly logger: Logger) {}

  async send(tg: Telegram, chatId: number, product: Product, caption: string, markup: InlineKeyboardMarkup): Promise<Message.PhotoMessage> {
    const extra = { caption: fitCaption(caption), reply_markup: markup };
    if (product.photoUrl) {
      try {
        return await tg.sendPhoto(chatId, product.photoUrl, extra);
      } catch (e) {
        // A broken or unreachable photo URL must not hide the product: fall back to the placeholder.
        if (!(e instanceof TelegramError && e.code === 400)) throw e;
        this.logger.warn({ productId: product.id, photoUrl: product.photoUrl, error: e.description }, 'product photo could not be sent; using the placeholder');
      }
    }
    if (this.placeholderFileId) {
      try {
        return await tg.sendPhoto(chatId, this.placeholderFileId, extra);
      } catch (e) {
        if (!(e instanceof TelegramError && e.code === 400)) throw e;
        this.placeholderFileId = null;
      }
    }
    const sent = await tg.sendPhoto(chatId, Input.fromBuffer(placeholderPhoto(), 'product.png'), extra);
    this.placeholderFileId = sent.photo.at(-1)?.file_id ?? null;
    return sent;
  }
}
