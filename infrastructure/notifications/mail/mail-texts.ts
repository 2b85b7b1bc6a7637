import type { SellerEvent, ShopperEvent } from '../../../domain/messaging';
import type { Language } from '../../../domain/shared/languages';

/** One mail: `{orderNo}` and `{amount}` are filled in; the body is plain text (every client shows it the same). */
export interface MailText {
  subject: string;
  body: string;
}

// Every event in every language: a new ShopperEvent or SellerEvent does not compile until its mail is written here.
export const MAIL_TEXTS: Readonly<Record<Language, { shopper: Readonly<Record<ShopperEvent, MailText>>; seller: Readonly<Record<SellerEvent, MailText>> }>> = {
  en: {
    shopper: {
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
      SELLER_ORDER_CONFIRMED: { subject: 'Order {orderNo} confirmed', body: '{detail} confirmed your order {orderNo}.' },
      SELLER_ORDER_CANCELLED: {
        subject: 'Order {orderNo} cancelled by the shop',
        body: '{detail} cancelled your order {orderNo}. Its {amount} is being refunded.',
      },
      REFUND_STARTED: { subject: 'Order {orderNo}: refund started', body: 'The refund of {amount} for order {orderNo} has started.' },
      ORDER_SHIPPED: { subject: 'Order {orderNo} shipped', body: 'Order {orderNo} was shipped: {detail}' },
      ORDER_COMPLETED: { subject: 'Order {orderNo} complete', body: 'Order {orderNo} is complete. Thank you!' },
      SELLER_APPROVED: { subject: 'Your shop is approved', body: 'Your shop "{detail}" is approved. Send /sell to manage it.' },
      SELLER_REJECTED: { subject: 'Your shop application', body: 'Your application for the shop "{detail}" was not approved.' },
    },
    seller: {
      SELLER_APPROVED: { subject: 'Your shop is approved', body: 'Your shop "{detail}" is approved: you can list goods now (/sell).' },
      SELLER_REJECTED: { subject: 'Your shop application', body: 'Your application for the shop "{detail}" was not approved.' },
      SELLER_SUSPENDED: { subject: 'Your shop is suspended', body: 'Your shop "{detail}" is suspended: its goods are hidden from shoppers.' },
      SELLER_REINSTATED: { subject: 'Your shop is open again', body: 'Your shop "{detail}" is open again.' },
      TERMS_CHANGED: { subject: "Your shop's terms changed", body: "ℹ️ Your shop's terms changed: {detail}" },
      ORDER_TO_CONFIRM: { subject: 'New order {orderNo} to confirm', body: 'New paid order {orderNo} ({amount}) is waiting for you to confirm it.' },
      ORDER_TO_FULFIL: {
        subject: 'Order {orderNo} to hand over',
        body: 'Order {orderNo} ({amount}) is yours to hand over to the shopper; mark it fulfilled in the chat or the API once they have it.',
      },
      ORDER_AUTO_CANCELLED: {
        subject: 'Order {orderNo} cancelled: not confirmed in time',
        body: 'Order {orderNo} was not confirmed in time and was cancelled; the shopper is refunded.',
      },
      ORDER_RECEIVED: { subject: 'Order {orderNo} received', body: 'The shopper received order {orderNo}.' },
      SALE_CREDITED: { subject: 'Order {orderNo}: {amount} credited', body: 'Order {orderNo} is complete: {amount} was added to your balance.' },
      REFUND_CLAWED_BACK: { subject: 'Order {orderNo}: refund taken back', body: 'A refund of order {orderNo} took {amount} back from your balance.' },
      PAYOUT_PAID: { subject: 'Payout of {amount} paid', body: 'Your payout of {amount} was paid (reference {detail}).' },
      PAYOUT_CANCELLED: { subject: 'Payout of {amount} cancelled', body: 'Your payout request of {amount} was cancelled; the amount is back in your balance.' },
    },
  },
  zh: {
    shopper: {
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
      SELLER_ORDER_CONFIRMED: { subject: '订单 {orderNo} 已确认', body: '{detail} 已确认您的订单 {orderNo}。' },
      SELLER_ORDER_CANCELLED: { subject: '订单 {orderNo} 已被店铺取消', body: '{detail} 取消了您的订单 {orderNo}，{amount} 正在退款。' },
      REFUND_STARTED: { subject: '订单 {orderNo}：退款已开始', body: '订单 {orderNo} 的 {amount} 退款已开始。' },
      ORDER_SHIPPED: { subject: '订单 {orderNo} 已发货', body: '订单 {orderNo} 已发货：{detail}' },
      ORDER_COMPLETED: { subject: '订单 {orderNo} 已完成', body: '订单 {orderNo} 已完成，谢谢！' },
      SELLER_APPROVED: { subject: '您的店铺已通过审核', body: '您的店铺「{detail}」已通过审核。发送 /sell 管理店铺。' },
      SELLER_REJECTED: { subject: '您的店铺申请结果', body: '您的店铺「{detail}」申请未通过。' },
    },
    seller: {
      SELLER_APPROVED: { subject: '您的店铺已通过审核', body: '您的店铺「{detail}」已通过审核，现在可以上架商品了（/sell）。' },
      SELLER_REJECTED: { subject: '您的店铺申请结果', body: '您的店铺「{detail}」申请未通过。' },
      SELLER_SUSPENDED: { subject: '您的店铺已被暂停', body: '您的店铺「{detail}」已被暂停，商品对买家隐藏。' },
      SELLER_REINSTATED: { subject: '您的店铺已恢复营业', body: '您的店铺「{detail}」已恢复营业。' },
      TERMS_CHANGED: { subject: '您店铺的条款已变更', body: 'ℹ️ 您店铺的条款已变更：{detail}' },
      ORDER_TO_CONFIRM: { subject: '新订单 {orderNo} 待确认', body: '新的已付款订单 {orderNo}（{amount}）等待您确认。' },
      ORDER_TO_FULFIL: { subject: '订单 {orderNo} 待交付', body: '订单 {orderNo}（{amount}）需要您亲自交付给买家；交付后请在聊天或 API 中标记为已交付。' },
      ORDER_AUTO_CANCELLED: { subject: '订单 {orderNo} 超时未确认已取消', body: '订单 {orderNo} 未在规定时间内确认，已自动取消；买家将获得退款。' },
      ORDER_RECEIVED: { subject: '订单 {orderNo} 已收货', body: '买家已收到订单 {orderNo}。' },
      SALE_CREDITED: { subject: '订单 {orderNo}：{amount} 已入账', body: '订单 {orderNo} 已完成：{amount} 已计入您的余额。' },
      REFUND_CLAWED_BACK: { subject: '订单 {orderNo}：退款已扣回', body: '订单 {orderNo} 的退款从您的余额中扣回 {amount}。' },
      PAYOUT_PAID: { subject: '{amount} 提现已支付', body: '您的 {amount} 提现已支付（参考号 {detail}）。' },
      PAYOUT_CANCELLED: { subject: '{amount} 提现已取消', body: '您的 {amount} 提现申请已取消，金额已退回余额。' },
    },
  },
  ru: {
    shopper: {
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
      SELLER_ORDER_CONFIRMED: { subject: 'Заказ {orderNo} подтверждён', body: '{detail} подтвердил ваш заказ {orderNo}.' },
      SELLER_ORDER_CANCELLED: { subject: 'Заказ {orderNo} отменён магазином', body: '{detail} отменил ваш заказ {orderNo}. {amount} возвращается вам.' },
      REFUND_STARTED: { subject: 'Заказ {orderNo}: возврат начат', body: 'Возврат {amount} по заказу {orderNo} начат.' },
      ORDER_SHIPPED: { subject: 'Заказ {orderNo} отправлен', body: 'Заказ {orderNo} отправлен: {detail}' },
      ORDER_COMPLETED: { subject: 'Заказ {orderNo} завершён', body: 'Заказ {orderNo} завершён. Спасибо!' },
      SELLER_APPROVED: { subject: 'Ваш магазин одобрен', body: 'Ваш магазин «{detail}» одобрен. Отправьте /sell, чтобы управлять им.' },
      SELLER_REJECTED: { subject: 'Заявка на магазин', body: 'Заявка на магазин «{detail}» не одобрена.' },
    },
    seller: {
      SELLER_APPROVED: { subject: 'Ваш магазин одобрен', body: 'Ваш магазин «{detail}» одобрен: можно выставлять товары (/sell).' },
      SELLER_REJECTED: { subject: 'Заявка на магазин', body: 'Заявка на магазин «{detail}» не одобрена.' },
      SELLER_SUSPENDED: { subject: 'Ваш магазин приостановлен', body: 'Ваш магазин «{detail}» приостановлен: его товары скрыты от покупателей.' },
      SELLER_REINSTATED: { subject: 'Ваш магазин снова открыт', body: 'Ваш магазин «{detail}» снова открыт.' },
      TERMS_CHANGED: { subject: 'Условия магазина изменились', body: 'ℹ️ Условия вашего магазина изменились: {detail}' },
      ORDER_TO_CONFIRM: { subject: 'Новый заказ {orderNo} ждёт подтверждения', body: 'Новый оплаченный заказ {orderNo} ({amount}) ждёт вашего подтверждения.' },
      ORDER_TO_FULFIL: {
        subject: 'Заказ {orderNo} ждёт передачи',
        body: 'Заказ {orderNo} ({amount}) вы передаёте покупателю сами; когда он его получит, отметьте заказ выполненным в чате или через API.',
      },
      ORDER_AUTO_CANCELLED: {
        subject: 'Заказ {orderNo} отменён: не подтверждён вовремя',
        body: 'Заказ {orderNo} не подтверждён вовремя и отменён; покупателю возвращены деньги.',
      },
      ORDER_RECEIVED: { subject: 'Заказ {orderNo} получен', body: 'Покупатель получил заказ {orderNo}.' },
      SALE_CREDITED: { subject: 'Заказ {orderNo}: зачислено {amount}', body: 'Заказ {orderNo} завершён: {amount} зачислено на ваш баланс.' },
      REFUND_CLAWED_BACK: { subject: 'Заказ {orderNo}: возврат списан', body: 'Возврат по заказу {orderNo} списал {amount} с вашего баланса.' },
      PAYOUT_PAID: { subject: 'Выплата {amount} проведена', body: 'Ваша выплата {amount} проведена (номер {detail}).' },
      PAYOUT_CANCELLED: { subject: 'Выплата {amount} отменена', body: 'Ваш запрос на выплату {amount} отменён; сумма возвращена на баланс.' },
    },
  },
};
