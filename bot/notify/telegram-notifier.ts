import type { Telegram } from 'telegraf';
import type { OrderState } from '../../domain/ordering';
import type { AdminNotice, Notifier, SellerNotice, SellerRecipient, ShopperNotice } from '../../domain/messaging';
import { LANGUAGES, Language } from '../../domain/account';
import type { BotServices } from '../bot-services';
import { formatMoney } from '../format/money';
import { splitText } from '../format/telegram-limits';
import { TextKey, Translate, translator } from '../i18n/translate';
import { renderOrderMessage } from '../features/orders/order-presenter';
import { button, inlineKeyboard } from '../ui/keyboard';
import { isUnreachableChat, sendText } from '../ui/telegram-io';
import { deliveryLines, orderStateText } from '../views/order-view';
import { withOrderMessageLock } from './order-messages';

const ORDER_EVENTS = new Set(['ORDER_PAID', 'ORDER_DELIVERED', 'ORDER_AWAITING_FULFILMENT', 'ORDER_CLOSED', 'ORDER_REFUNDED']);

/**
 * Order and admin notices as chat messages, in each person's language. An order's own message (its QR photo, or
 * the message it was paid in) is rewritten to the new state; what the person must not miss (the codes, a refund,
 * a closed order nobody saw) also arrives as a new message. A chat that blocked the bot is skipped, not retried.
 */
export class TelegramNotifier implements Notifier {
  constructor(
    private readonly tg: Telegram,
    private readonly svc: BotServices,
  ) {}

  async notifyShopper(notice: ShopperNotice): Promise<void> {
    // A shopper who never opened a chat with the bot (API / Mini App only), or whose chat Telegram refused before:
    // nothing to send to, so no call that Telegram answers "chat not found".
    if (!(await this.svc.shop.account.chatReachable(notice.userId))) {
      this.svc.logger.info({ userId: notice.userId, event: notice.event }, 'shopper notice not sent to chat: the shopper has no chat with the bot');
      return;
    }
    const t = translator(await this.svc.chatLanguages.languageFor(notice.userId));
    try {
      if (notice.orderNo && ORDER_EVENTS.has(notice.event)) await this.orderNotice(t, notice, notice.orderNo);
      else await this.plainNotice(t, notice);
    } catch (e) {
      if (!isUnreachableChat(e)) throw e;
      await this.svc.shop.account.markChatUnreachable(notice.userId);
      this.svc.logger.info({ userId: notice.userId, event: notice.event }, 'shopper notice skipped: the chat cannot be reached (later ones skip it)');
    }
  }

  async notifyAdmins(notice: AdminNotice): Promise<void> {
    for (const adminId of this.svc.settings.adminIds) {
      const t = translator(await this.svc.chatLanguages.languageFor(adminId));
      const text = t(`adminNotice_${notice.event}` as TextKey, { orderNo: notice.orderNo ?? '—', detail: notice.detail ?? '' });
      const orderNo = notice.orderNo;
      const markup = orderNo
        ? inlineKeyboard([
            [
              button(`🔎 ${orderNo}`, { k: 'orderStory', orderNo }),
              ...(notice.event === 'FULFILMENT_NEEDED' ? [button(t('btnFulfilled'), { k: 'fulfil', orderNo })] : []),
            ],
          ])
        : undefined;
      try {
        await sendText(this.tg, adminId, text, markup);
      } catch (e) {
        if (!isUnreachableChat(e)) throw e;
        this.svc.logger.warn({ adminId, event: notice.event }, 'admin notice skipped: the admin has not opened a chat with the bot');
      }
    }
  }

  private async orderNotice(t: Translate, notice: ShopperNotice, orderNo: string): Promise<void> {
    const { shop, settings, orderMessages } = this.svc;
    await withOrderMessageLock(this.svc.lock, orderNo, async () => {
      const details = await shop.payment.getOrder(orderNo, null);
      if (!details.ok) {
        this.svc.logger.warn({ orderNo, event: notice.event }, 'notice for an order that does not exist; skipped');
        return;
      }
      const order = details.value.order;
      const ref = await orderMessages.find(orderNo);
      const awaitingFulfilment = notice.event === 'ORDER_AWAITING_FULFILMENT' && order.status === 'PAID';
      const edited = ref !== null && (await renderOrderMessage(this.tg, t, ref, order, settings.utcOffsetMinutes, { awaitingFulfilment })) !== 'missing';
      const chatId = notice.userId;
      switch (notice.event) {
        case 'ORDER_DELIVERED': {
          const lines = [t('deliveryTitle', { orderNo }), ...deliveryLines(t, details.value)];
          if (order.lines.some((l) => l.kind === 'credit')) {
            const account = await shop.account.getAccount(order.userId);
            lines.push(t('deliveryBalance', { balance: formatMoney(account.balance, account.currency) }));
          }
          for (const chunk of splitText(lines.join('\n'))) await sendText(this.tg, chatId, chunk);
          return;
        }
        case 'ORDER_REFUNDED':
          await sendText(this.tg, chatId, t('refundNotice', { orderNo, amount: formatMoney(notice.amount ?? order.refundedAmount, order.currency) }));
          return;
        case 'ORDER_PAID':
          // Paid with no message of its own (placed outside the chat): the delivery message will say it all.
          return;
        default:
          if (!edited) await renderAsNewMessage(this.tg, t, chatId, order, settings.utcOffsetMinutes, awaitingFulfilment, this.svc);
      }
    });
  }

  private backInStock(t: Translate, notice: ShopperNotice): Promise<void> {
    return backInStockMessage(this.tg, t, this.svc, notice);
  }

  private async plainNotice(t: Translate, notice: ShopperNotice): Promise<void> {
    const currency = this.svc.settings.currency;
    const amount = formatMoney(notice.amount ?? 0, currency, { signed: notice.event === 'CREDIT_ADJUSTED' });
    const orderNo = notice.orderNo ?? '—';
    switch (notice.event) {
      case 'LATE_PAYMENT_DELIVERED':
        return void (await sendText(this.tg, notice.userId, t('latePaymentDelivered', { orderNo })));
      case 'LATE_PAYMENT_REFUNDED':
        return void (await sendText(this.tg, notice.userId, t('latePaymentRefunded', { orderNo, amount })));
      case 'DUPLICATE_PAYMENT_REFUNDED':
        return void (await sendText(this.tg, notice.userId, t('duplicatePaymentRefunded', { orderNo, amount })));
      case 'REFERRAL_REWARDED': {
        const account = await this.svc.shop.account.getAccount(notice.userId);
        await sendText(this.tg, notice.userId, t('referralRewardedNotice', { amount, balance: formatMoney(account.balance, account.currency) }));
        return;
      }
      case 'CREDIT_ADJUSTED': {
        const account = await this.svc.shop.account.getAccount(notice.userId);
        await sendText(this.tg, notice.userId, t('creditAdjustedNotice', { amount, balance: formatMoney(account.balance, account.currency) }));
        return;
      }
      case 'BACK_IN_STOCK':
        return this.backInStock(t, notice);
      case 'SUPPORT_REPLY':
        // Only ever mailed (mail.notice): the chat has the reply itself, relayed by the support desk.
        return;
      case 'ORDER_SHIPPED':
        // The shopper says when it arrived (else it completes by itself after the delivery's days and a grace period).
        await sendText(
          this.tg,
          notice.userId,
          t('shopperNotice_ORDER_SHIPPED', { orderNo, amount, detail: notice.detail ?? '' }),
          notice.orderNo ? inlineKeyboard([[button(t('btnReceived'), { k: 'orderReceived', orderNo: notice.orderNo })]]) : undefined,
        );
        return;
      case 'SELLER_ORDER_CONFIRMED':
      case 'SELLER_ORDER_CANCELLED':
      case 'REFUND_STARTED':
      case 'ORDER_COMPLETED':
      case 'SELLER_APPROVED':
      case 'SELLER_REJECTED':
        await sendText(this.tg, notice.userId, t(`shopperNotice_${notice.event}`, { orderNo, amount, detail: notice.detail ?? '' }));
        return;
      default:
        this.svc.logger.warn({ event: notice.event }, 'shopper notice without an order number; skipped');
    }
  }

  /** A seller's notice in their chat and language; the house (no chat of its own) is the admins'. */
  async notifySeller(notice: SellerNotice, to: SellerRecipient): Promise<void> {
    const params = {
      orderNo: notice.orderNo ?? '—',
      amount: formatMoney(notice.amount ?? 0, this.svc.settings.currency),
      detail: notice.detail ?? '',
    };
    const chats = to.chatId === null ? this.svc.settings.adminIds : [to.chatId];
    for (const chatId of chats) {
      const known = LANGUAGES.find((l) => l === to.language);
      const lang: Language = to.chatId !== null && known ? known : await this.svc.chatLanguages.languageFor(chatId);
      try {
        const t = translator(lang);
        // An order waiting for them: answered right there (the buttons say only which order; the shop is the presser's).
        const markup =
          notice.event === 'ORDER_TO_CONFIRM' && notice.orderNo
            ? inlineKeyboard([
                [
                  button(t('btnSellerConfirm'), { k: 'sellerConfirm', orderNo: notice.orderNo }),
                  button(t('btnSellerCancel'), { k: 'sellerCancel', orderNo: notice.orderNo }),
                ],
              ])
            : notice.event === 'ORDER_TO_FULFIL' && notice.orderNo
              ? inlineKeyboard([[button(t('btnSellerFulfil'), { k: 'sellerFulfil', orderNo: notice.orderNo })]])
              : undefined;
        await sendText(this.tg, chatId, t(`sellerNotice_${notice.event}`, params), markup);
      } catch (e) {
        if (!isUnreachableChat(e)) throw e;
        this.svc.logger.info({ sellerId: notice.sellerId, event: notice.event }, 'seller notice skipped: the chat cannot be reached');
      }
    }
  }
}

/** The one restock alert a waiting shopper gets, with a button to the product (sold out again by now: the card says so). */
async function backInStockMessage(tg: Telegram, t: Translate, svc: BotServices, notice: ShopperNotice): Promise<void> {
  const productId = notice.productId;
  if (productId === undefined) return;
  const product = await svc.shop.catalog.getProduct(productId);
  if (!product.ok) return;
  await sendText(
    tg,
    notice.userId,
    t('backInStock', { title: product.value.title }),
    inlineKeyboard([[button(t('btnOpenProduct'), { k: 'product', id: productId })]]),
  );
}

/** An order's state as a new message, which then stands for the order (the next notice edits it). */
async function renderAsNewMessage(
  tg: Telegram,
  t: Translate,
  chatId: string,
  order: OrderState,
  offset: number,
  awaitingFulfilment: boolean,
  svc: BotServices,
): Promise<void> {
  const sent = await sendText(tg, chatId, orderStateText(t, order, offset, { awaitingFulfilment }));
  await svc.orderMessages.remember(order.orderNo, { chatId: sent.chat.id, messageId: sent.message_id, media: 'text' }).catch(() => undefined);
}
