import { type Telegram, TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { RelayOutcome, SupportRelay, Ticket, TicketMessage } from '../../domain/support';
import type { BotServices } from '../bot-services';
import { staffKeyboard } from '../features/support/staff-keyboard';
import { fitCaption, fitText, splitText } from '../format/telegram-limits';
import { Translate, translator } from '../i18n/translate';
import { isUnreachableChat } from '../ui/telegram-io';

/** Telegram's limit for a forum topic's name. */
const MAX_TOPIC_NAME = 128;

type Target = { chatId: string; threadId?: number };

/**
 * The support desk's chat side. Staff: one forum topic per ticket in SUPPORT_CHAT_ID (createForumTopic, then every
 * message with its message_thread_id), or each admin privately when unset. Shoppers: the staff replies in their chat.
 * Photos and documents go again by their file_id (valid in every chat of this bot), so a relay never depends on the
 * original message still existing. Every call goes through the bot's paced queue, with the outbox's deadline.
 */
export class TelegramSupportRelay implements SupportRelay {
  constructor(
    private readonly tg: Telegram,
    private readonly svc: BotServices,
  ) {}

  private get chatId(): string | undefined {
    return this.svc.settings.supportChatId;
  }

  async openThread(ticket: Ticket, first: TicketMessage): Promise<number | null> {
    const chatId = this.chatId;
    if (!chatId) return null;
    const name = fitText([`#${ticket.id}`, first.authorName, ticket.orderNo].filter((part) => part).join(' · '), MAX_TOPIC_NAME);
    const topic = await this.tg.createForumTopic(chatId, name);
    return topic.message_thread_id;
  }

  async toStaff(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    const chatId = this.chatId;
    if (chatId) {
      const t = await this.staffLanguage();
      try {
        await this.send(t, { chatId, ...(ticket.threadId !== null ? { threadId: ticket.threadId } : {}) }, ticket, message, 'forum');
      } catch (e) {
        if (isThreadGone(e)) return 'thread-gone';
        if (!isRefusedForGood(e)) throw e;
        this.svc.logger.warn({ err: e, ticketId: ticket.id, messageId: message.id }, 'support message refused by Telegram for good; kept in the history only');
        return 'unreachable';
      }
      return 'relayed';
    }
    for (const adminId of this.svc.settings.adminIds) {
      const t = translator(await this.svc.chatLanguages.languageFor(adminId));
      try {
        await this.send(t, { chatId: adminId }, ticket, message, 'private');
      } catch (e) {
        if (!isUnreachableChat(e)) throw e;
        this.svc.logger.warn({ adminId, ticketId: ticket.id }, 'support message not relayed to an admin who has not opened a chat with the bot');
      }
    }
    return 'relayed';
  }

  async toShopper(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    const { shop } = this.svc;
    if (!(await shop.account.chatReachable(ticket.userId))) return 'unreachable';
    const t = translator(await this.svc.chatLanguages.languageFor(ticket.userId));
    try {
      if (message.kind === 'event') {
        const key = message.text === 'closed' ? 'supportClosedNotice' : message.text === 'reopened' ? 'supportReopenedNotice' : null;
        if (key) await this.tg.sendMessage(ticket.userId, t(key, { id: ticket.id }));
        return 'relayed';
      }
      const header =
        message.authorRole === 'seller'
          ? t('supportSellerReplyHeader', { id: ticket.id, name: message.authorName, orderNo: ticket.orderNo ?? '' })
          : t('supportReplyHeader', { id: ticket.id });
      await this.sendContent({ chatId: ticket.userId }, header, message);
      return 'relayed';
    } catch (e) {
      if (isRefusedForGood(e) && !isUnreachableChat(e)) {
        this.svc.logger.warn({ err: e, ticketId: ticket.id, messageId: message.id }, 'support reply refused by Telegram for good; kept in the history only');
        return 'unreachable';
      }
      if (!isUnreachableChat(e)) throw e;
      await shop.account.markChatUnreachable(ticket.userId);
      return 'unreachable';
    }
  }

  async toSeller(ticket: Ticket, message: TicketMessage): Promise<RelayOutcome> {
    const seller = ticket.sellerId === null ? null : await this.svc.shop.sellers.getSeller(ticket.sellerId);
    const chatId = seller?.ok ? seller.value.telegramUserId : null;
    if (chatId === null) return 'unreachable';
    const t = translator(await this.svc.chatLanguages.languageFor(chatId));
    const params = { id: ticket.id, orderNo: ticket.orderNo ?? '', name: message.authorName };
    try {
      if (message.kind === 'event') {
        const key =
          message.text === 'opened'
            ? 'sellerTicketOpened'
            : message.text === 'closed'
              ? 'sellerTicketClosed'
              : message.text === 'reopened'
                ? 'sellerTicketReopened'
                : null;
        // Who on the staff looks after it is the house's business.
        if (key) await this.tg.sendMessage(chatId, t(key, params));
        return 'relayed';
      }
      await this.sendContent({ chatId }, t('sellerTicketHeader', params), message);
      return 'relayed';
    } catch (e) {
      if (!isUnreachableChat(e) && !isRefusedForGood(e)) throw e;
      this.svc.logger.warn({ err: e, ticketId: ticket.id, sellerId: ticket.sellerId }, 'support message not relayed to the seller; kept in the history only');
      return 'unreachable';
    }
  }

  private async staffLanguage(): Promise<Translate> {
    const first = this.svc.settings.adminIds[0];
    return translator(first ? await this.svc.chatLanguages.languageFor(first) : 'en');
  }

  private async send(t: Translate, target: Target, ticket: Ticket, message: TicketMessage, mode: 'forum' | 'private'): Promise<void> {
    const params = { id: ticket.id, name: message.authorName, userId: ticket.userId, order: ticket.orderNo ? ` · ${ticket.orderNo}` : '' };
    if (message.kind === 'event') {
      const text =
        message.text === 'opened'
          ? t(mode === 'forum' ? 'staffTicketOpened' : 'staffTicketOpenedPrivate', params)
          : message.text === 'closed'
            ? t('staffShopperClosed', params)
            : message.text === 'assigned'
              ? t(ticket.assignee === null ? 'staffUnassigned' : 'staffAssigned', params)
              : t('staffReopened', params);
      const markup = message.text === 'opened' ? staffKeyboard(t, { id: ticket.id, status: 'open' }) : undefined;
      await this.tg.sendMessage(target.chatId, text, { ...threadOf(target), ...(markup ? { reply_markup: markup } : {}) });
      return;
    }
    await this.sendContent(target, t('staffTicketHeader', params), message);
  }

  /** A text (split when the header makes it longer than Telegram takes), or a photo / document with its caption. */
  private async sendContent(target: Target, header: string, message: TicketMessage, markup?: InlineKeyboardMarkup): Promise<void> {
    const extra = { ...threadOf(target), ...(markup ? { reply_markup: markup } : {}) };
    const fileId = message.attachment?.fileId;
    if (message.kind === 'photo' && fileId) {
      await this.tg.sendPhoto(target.chatId, fileId, { caption: fitCaption(joined(header, message.text)), ...extra });
      return;
    }
    if (message.kind === 'document' && fileId) {
      await this.tg.sendDocument(target.chatId, fileId, { caption: fitCaption(joined(header, message.text)), ...extra });
      return;
    }
    for (const chunk of splitText(joined(header, message.text))) await this.tg.sendMessage(target.chatId, chunk, extra);
  }
}

/** The ticket's topic was deleted (or closed) in the support group. */
const isThreadGone = (e: unknown): boolean =>
  e instanceof TelegramError && e.code === 400 && /message thread not found|TOPIC_DELETED|TOPIC_CLOSED/i.test(e.description);

/**
 * A 400 for this one message (a file Telegram no longer has, say): retrying cannot help, and it must not hold up the
 * ticket's later messages. 5xx, 429 and lost connections are thrown on, for the outbox to try again.
 */
const isRefusedForGood = (e: unknown): boolean => e instanceof TelegramError && e.code === 400;

const joined = (header: string, text: string): string => (text === '' ? header : `${header}\n${text}`);

const threadOf = (target: Target): { message_thread_id?: number } => (target.threadId !== undefined ? { message_thread_id: target.threadId } : {});
