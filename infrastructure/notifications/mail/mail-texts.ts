import type { ShopperEvent } from '../../../domain/messaging';
import type { Language } from '../../../domain/shared/languages';

/** One mail: `{orderNo}` and `{amount}` are filled in; the body is plain text (every client shows it the same). */
export interface MailText {
  subject: string;
  body: string;
}

// Every event in every language: a new ShopperEvent does not compile until its mail is written here too.
export const MAIL_TEXTS: Readonly<Record<Language, Readonly<Record<ShopperEvent, MailText>>>> = {
  en: {
    ORDER_PAID: {
      subject: 'Order {orderNo}: payment received',
      body: 'We received your payment for order {orderNo}. We will let you know when it is delivered.',
    },
    ORDER_DELIVERED: { subject: 'Order {orderNo} is delivered', body: 'Order {orderNo} has been delivered. Open the shop bot to see what you received.' },
    ORDER_AWAITING_FULFILMENT: {
      subject: 'Order {orderNo}: being prepared',
      body: 'Order {orderNo} is paid and a person is preparing it. We will tell you as soon as it is delivered.',
    },
    ORDER_CLOSED: { subject: 'Order {orderNo} was closed', body: 'Order {orderNo} was closed without payment. Nothing was charged.' },
    ORDER_REFUNDED: { subject: 'Order {orderNo}: refund of {amount}', body: '{amount} was refunded for order {orderNo}.' },
    LATE_PAYMENT_DELIVERED: {
      subject: 'Order {orderNo} is delivered',
      body: 'Your payment for order {orderNo} arrived after the order had closed — we delivered it anyway.',
    },
    LATE_PAYMENT_REFUNDED: {
      subject: 'Order {orderNo}: your payment is being refunded',
      body: 'Your payment of {amount} for order {orderNo} arrived after the order had closed and the item was gone, so it is being refunded.',
    },
    DUPLICATE_PAYMENT_REFUNDED: {
      subject: 'Order {orderNo}: second payment refunded',
      body: 'Order {orderNo} was already paid, so your second payment of {amount} has been refunded.',
    },
    CREDIT_ADJUSTED: { subject: 'Your credit balance changed', body: 'Your credit balance changed by {amount}.' },
    REFERRAL_REWARDED: { subject: 'Referral bonus: {amount}', body: 'Thanks for bringing a friend: {amount} of credit was added to your balance.' },
    BACK_IN_STOCK: { subject: 'Back in stock: {text}', body: '{text} is back in stock. Open the shop bot to buy it before it is gone again.' },
    SUPPORT_REPLY: {
      subject: 'Support replied (ticket #{ticketId})',
      body: 'Support replied to your ticket #{ticketId}:\n\n{text}\n\nAnswer in the shop bot’s chat.',
    },
  },
  zh: {
    ORDER_PAID: { subject: '订单 {orderNo}：已收到付款', body: '我们已收到订单 {orderNo} 的付款，发货后会通知你。' },
    ORDER_DELIVERED: { subject: '订单 {orderNo} 已发货', body: '订单 {orderNo} 已发货，请打开商店机器人查看你收到的内容。' },
    ORDER_AWAITING_FULFILMENT: { subject: '订单 {orderNo}：正在处理', body: '订单 {orderNo} 已付款，正在由工作人员处理，发货后会第一时间通知你。' },
    ORDER_CLOSED: { subject: '订单 {orderNo} 已关闭', body: '订单 {orderNo} 未付款已关闭，没有产生任何扣款。' },
    ORDER_REFUNDED: { subject: '订单 {orderNo}：已退款 {amount}', body: '订单 {orderNo} 已退款 {amount}。' },
    LATE_PAYMENT_DELIVERED: { subject: '订单 {orderNo} 已发货', body: '订单 {orderNo} 关闭后才收到你的付款——我们仍然为你发货了。' },
    LATE_PAYMENT_REFUNDED: { subject: '订单 {orderNo}：款项将退回', body: '订单 {orderNo} 关闭后才收到你的付款 {amount}，而商品已售完，款项将原路退回。' },
    DUPLICATE_PAYMENT_REFUNDED: { subject: '订单 {orderNo}：重复付款已退回', body: '订单 {orderNo} 已付过款，你的第二笔付款 {amount} 已原路退回。' },
    CREDIT_ADJUSTED: { subject: '你的余额有变动', body: '你的余额变动了 {amount}。' },
    REFERRAL_REWARDED: { subject: '邀请奖励：{amount}', body: '感谢邀请好友：{amount} 余额已到账。' },
    BACK_IN_STOCK: { subject: '已到货：{text}', body: '{text} 已到货，打开商店机器人即可购买，售完即止。' },
    SUPPORT_REPLY: { subject: '客服已回复（工单 #{ticketId}）', body: '客服回复了你的工单 #{ticketId}：\n\n{text}\n\n请在商店机器人的聊天中回复。' },
  },
  ru: {
    ORDER_PAID: { subject: 'Заказ {orderNo}: оплата получена', body: 'Мы получили оплату заказа {orderNo}. Сообщим, когда он будет доставлен.' },
    ORDER_DELIVERED: { subject: 'Заказ {orderNo} доставлен', body: 'Заказ {orderNo} доставлен. Откройте бота магазина, чтобы увидеть, что вы получили.' },
    ORDER_AWAITING_FULFILMENT: {
      subject: 'Заказ {orderNo}: готовится',
      body: 'Заказ {orderNo} оплачен, его готовит сотрудник. Мы сообщим, как только он будет доставлен.',
    },
    ORDER_CLOSED: { subject: 'Заказ {orderNo} закрыт', body: 'Заказ {orderNo} закрыт без оплаты. Деньги не списаны.' },
    ORDER_REFUNDED: { subject: 'Заказ {orderNo}: возврат {amount}', body: 'По заказу {orderNo} возвращено {amount}.' },
    LATE_PAYMENT_DELIVERED: {
      subject: 'Заказ {orderNo} доставлен',
      body: 'Ваша оплата заказа {orderNo} пришла после его закрытия — мы всё равно его доставили.',
    },
    LATE_PAYMENT_REFUNDED: {
      subject: 'Заказ {orderNo}: оплата возвращается',
      body: 'Ваша оплата {amount} за заказ {orderNo} пришла после его закрытия, а товар закончился, поэтому деньги возвращаются.',
    },
    DUPLICATE_PAYMENT_REFUNDED: {
      subject: 'Заказ {orderNo}: повторная оплата возвращена',
      body: 'Заказ {orderNo} уже был оплачен, поэтому ваша повторная оплата {amount} возвращена.',
    },
    CREDIT_ADJUSTED: { subject: 'Ваш баланс изменён', body: 'Ваш баланс изменён на {amount}.' },
    REFERRAL_REWARDED: { subject: 'Бонус за приглашение: {amount}', body: 'Спасибо, что привели друга: на ваш баланс зачислено {amount}.' },
    BACK_IN_STOCK: { subject: 'Снова в наличии: {text}', body: '{text} снова в наличии. Откройте бота магазина, чтобы купить, пока не закончилось.' },
    SUPPORT_REPLY: {
      subject: 'Ответ поддержки (обращение #{ticketId})',
      body: 'Поддержка ответила на ваше обращение #{ticketId}:\n\n{text}\n\nОтвечайте в чате с ботом магазина.',
    },
  },
};
