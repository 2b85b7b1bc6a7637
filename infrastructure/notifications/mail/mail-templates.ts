import { NoticeMail } from '../../../domain/messaging';
import { Language, languageOf } from '../../../domain/shared/languages';
import { minorDigitsOf } from '../../../domain/shared/money';

/** One notice's mail: a subject and a plain-text body, `{orderNo}` `{amount}` `{detail}` filled in. */
interface Template {
  subject: string;
  body: string;
}

type Texts = Readonly<Record<Language, Template>>;

const t = (en: [string, string], zh: [string, string], ru: [string, string]): Texts => ({
  en: { subject: en[0], body: en[1] },
  zh: { subject: zh[0], body: zh[1] },
  ru: { subject: ru[0], body: ru[1] },
});

/** The shopper's notices by event. */
const SHOPPER: Readonly<Record<string, Texts>> = {
  ORDER_PAID: t(
    ['Order {orderNo} is paid', 'We received your payment for order {orderNo}.'],
    ['订单 {orderNo} 已付款', '我们已收到订单 {orderNo} 的付款。'],
    ['Заказ {orderNo} оплачен', 'Мы получили оплату заказа {orderNo}.'],
  ),
  ORDER_DELIVERED: t(
    ['Order {orderNo} is delivered', 'Your order {orderNo} is delivered. Open the chat to see it.'],
    ['订单 {orderNo} 已交付', '您的订单 {orderNo} 已交付，请在聊天中查看。'],
    ['Заказ {orderNo} выдан', 'Ваш заказ {orderNo} выдан. Откройте чат, чтобы увидеть его.'],
  ),
  ORDER_AWAITING_FULFILMENT: t(
    ['Order {orderNo} is being prepared', 'Your order {orderNo} is paid and being prepared.'],
    ['订单 {orderNo} 正在处理', '您的订单 {orderNo} 已付款，正在处理。'],
    ['Заказ {orderNo} готовится', 'Ваш заказ {orderNo} оплачен и готовится.'],
  ),
  ORDER_CLOSED: t(
    ['Order {orderNo} is closed', 'Order {orderNo} was closed without payment.'],
    ['订单 {orderNo} 已关闭', '订单 {orderNo} 未付款，已关闭。'],
    ['Заказ {orderNo} закрыт', 'Заказ {orderNo} закрыт без оплаты.'],
  ),
  ORDER_REFUNDED: t(
    ['Refund for order {orderNo} arrived', '{amount} for order {orderNo} is back with you.'],
    ['订单 {orderNo} 已退款', '订单 {orderNo} 的 {amount} 已退回给您。'],
    ['Возврат по заказу {orderNo}', '{amount} по заказу {orderNo} вернулись к вам.'],
  ),
  LATE_PAYMENT_DELIVERED: t(
    ['Order {orderNo} delivered after all', 'Your late payment for order {orderNo} was accepted and the order delivered.'],
    ['订单 {orderNo} 已补发', '您对订单 {orderNo} 的延迟付款已接受，订单已交付。'],
    ['Заказ {orderNo} всё же выдан', 'Поздняя оплата заказа {orderNo} принята, заказ выдан.'],
  ),
  LATE_PAYMENT_REFUNDED: t(
    ['Late payment for {orderNo} refunded', 'Your late payment of {amount} for order {orderNo} is being refunded.'],
    ['订单 {orderNo} 的延迟付款已退款', '您对订单 {orderNo} 的 {amount} 延迟付款正在退款。'],
    ['Поздняя оплата {orderNo} возвращена', 'Поздняя оплата {amount} заказа {orderNo} возвращается.'],
  ),
  DUPLICATE_PAYMENT_REFUNDED: t(
    ['Double payment for {orderNo} refunded', 'Order {orderNo} was paid twice; {amount} is being refunded.'],
    ['订单 {orderNo} 的重复付款已退款', '订单 {orderNo} 被重复支付，{amount} 正在退款。'],
    ['Двойная оплата {orderNo} возвращена', 'Заказ {orderNo} оплачен дважды; {amount} возвращается.'],
  ),
  CREDIT_ADJUSTED: t(
    ['Your balance changed', 'Your credit balance changed by {amount}.'],
    ['您的余额已变动', '您的余额变动了 {amount}。'],
    ['Ваш баланс изменился', 'Ваш баланс изменился на {amount}.'],
  ),
  SELLER_ORDER_CONFIRMED: t(
    ['Order {orderNo} confirmed', '{detail} confirmed your order {orderNo}.'],
    ['订单 {orderNo} 已确认', '{detail} 已确认您的订单 {orderNo}。'],
    ['Заказ {orderNo} подтверждён', '{detail} подтвердил ваш заказ {orderNo}.'],
  ),
  SELLER_ORDER_CANCELLED: t(
    ['Order {orderNo} cancelled', '{detail} cancelled your order {orderNo}; {amount} is being refunded.'],
    ['订单 {orderNo} 已取消', '{detail} 取消了您的订单 {orderNo}，{amount} 正在退款。'],
    ['Заказ {orderNo} отменён', '{detail} отменил ваш заказ {orderNo}; {amount} возвращается.'],
  ),
  REFUND_STARTED: t(
    ['Refund for order {orderNo} started', 'The refund of {amount} for order {orderNo} has started.'],
    ['订单 {orderNo} 退款已开始', '订单 {orderNo} 的 {amount} 退款已开始。'],
    ['Возврат по заказу {orderNo} начат', 'Возврат {amount} по заказу {orderNo} начат.'],
  ),
  ORDER_SHIPPED: t(
    ['Order {orderNo} shipped', 'Order {orderNo} was shipped: {detail}'],
    ['订单 {orderNo} 已发货', '订单 {orderNo} 已发货：{detail}'],
    ['Заказ {orderNo} отправлен', 'Заказ {orderNo} отправлен: {detail}'],
  ),
  ORDER_COMPLETED: t(
    ['Order {orderNo} complete', 'Order {orderNo} is complete. Thank you!'],
    ['订单 {orderNo} 已完成', '订单 {orderNo} 已完成，谢谢！'],
    ['Заказ {orderNo} завершён', 'Заказ {orderNo} завершён. Спасибо!'],
  ),
  SELLER_APPROVED: t(
    ['Your shop is approved', 'Your shop "{detail}" is approved.'],
    ['您的店铺已通过审核', '您的店铺「{detail}」已通过审核。'],
    ['Ваш магазин одобрен', 'Ваш магазин «{detail}» одобрен.'],
  ),
  SELLER_REJECTED: t(
    ['Your shop application', 'Your application for "{detail}" was not approved.'],
    ['您的店铺申请', '您的店铺「{detail}」申请未通过。'],
    ['Заявка на магазин', 'Заявка на магазин «{detail}» не одобрена.'],
  ),
};

/** The seller's notices by event. */
const SELLER: Readonly<Record<string, Texts>> = {
  SELLER_APPROVED: SHOPPER.SELLER_APPROVED as Texts,
  SELLER_REJECTED: SHOPPER.SELLER_REJECTED as Texts,
  SELLER_SUSPENDED: t(
    ['Your shop is suspended', 'Your shop "{detail}" is suspended until the admins reinstate it.'],
    ['您的店铺已暂停', '您的店铺「{detail}」已暂停，恢复前无法管理。'],
    ['Магазин приостановлен', 'Ваш магазин «{detail}» приостановлен до решения администраторов.'],
  ),
  SELLER_REINSTATED: t(
    ['Your shop is open again', 'Your shop "{detail}" is open again.'],
    ['您的店铺已恢复', '您的店铺「{detail}」已恢复营业。'],
    ['Магазин снова открыт', 'Ваш магазин «{detail}» снова открыт.'],
  ),
  TERMS_CHANGED: t(
    ["Your shop's terms changed", 'New terms: {detail}'],
    ['店铺条款已变更', '新条款：{detail}'],
    ['Условия магазина изменились', 'Новые условия: {detail}'],
  ),
  ORDER_TO_CONFIRM: t(
    ['New order {orderNo} to confirm', 'Order {orderNo} ({amount}) is paid and waits for your confirmation. Confirm or cancel it in the chat.'],
    ['新订单 {orderNo} 待确认', '订单 {orderNo}（{amount}）已付款，等待您确认。请在聊天中确认或取消。'],
    ['Новый заказ {orderNo} ждёт подтверждения', 'Заказ {orderNo} ({amount}) оплачен и ждёт подтверждения. Подтвердите или отмените его в чате.'],
  ),
  ORDER_AUTO_CANCELLED: t(
    ['Order {orderNo} cancelled: not confirmed in time', 'Order {orderNo} was not confirmed in time and was cancelled; the shopper is refunded.'],
    ['订单 {orderNo} 已自动取消', '订单 {orderNo} 未及时确认，已取消，买家将获得退款。'],
    ['Заказ {orderNo} отменён автоматически', 'Заказ {orderNo} не подтверждён вовремя и отменён; покупателю вернут деньги.'],
  ),
  ORDER_RECEIVED: t(
    ['Order {orderNo} received', 'The shopper received order {orderNo}.'],
    ['订单 {orderNo} 已签收', '买家已收到订单 {orderNo}。'],
    ['Заказ {orderNo} получен', 'Покупатель получил заказ {orderNo}.'],
  ),
  SALE_CREDITED: t(
    ['{amount} credited for order {orderNo}', 'Order {orderNo} is complete: {amount} was added to your balance.'],
    ['订单 {orderNo} 入账 {amount}', '订单 {orderNo} 已完成：{amount} 已计入您的余额。'],
    ['Зачислено {amount} за заказ {orderNo}', 'Заказ {orderNo} завершён: {amount} зачислено на ваш баланс.'],
  ),
  REFUND_CLAWED_BACK: t(
    ['Refund of order {orderNo}', 'A refund of order {orderNo} took {amount} back from your balance.'],
    ['订单 {orderNo} 退款扣回', '订单 {orderNo} 的退款从您的余额中扣回 {amount}。'],
    ['Возврат по заказу {orderNo}', 'Возврат по заказу {orderNo} списал {amount} с вашего баланса.'],
  ),
  PAYOUT_PAID: t(
    ['Payout of {amount} paid', 'Your payout of {amount} was paid (reference {detail}).'],
    ['{amount} 提现已支付', '您的 {amount} 提现已支付（参考号 {detail}）。'],
    ['Выплата {amount} проведена', 'Ваша выплата {amount} проведена (номер {detail}).'],
  ),
  PAYOUT_CANCELLED: t(
    ['Payout request cancelled', 'Your payout request of {amount} was cancelled; the amount is back in your balance.'],
    ['提现申请已取消', '您的 {amount} 提现申请已取消，金额已退回余额。'],
    ['Запрос на выплату отменён', 'Запрос на выплату {amount} отменён; сумма возвращена на баланс.'],
  ),
};

/** Every event of each audience has its mail in every language (tests/infrastructure/notifications/mail-templates.test.ts). */
export const MAIL_TEMPLATES = { shopper: SHOPPER, seller: SELLER } as const;

const formatAmount = (amount: number, currency: string): string => {
  const digits = minorDigitsOf(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const major = digits === 0 ? String(abs) : `${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
  return `${sign}${major} ${currency}`;
};

export interface RenderedMail {
  subject: string;
  text: string;
}

/** The mail of a notice in the recipient's language (English when theirs is not one the shop speaks). */
export function renderNoticeMail(mail: NoticeMail, currency: string, shopName: string): RenderedMail {
  const texts = MAIL_TEMPLATES[mail.audience][mail.event];
  if (!texts) throw new Error(`no mail template for ${mail.audience} ${mail.event}`);
  const template = texts[languageOf(mail.language) ?? 'en'];
  const params: Record<string, string> = {
    orderNo: mail.orderNo ?? '—',
    amount: formatAmount(mail.amount ?? 0, currency),
    detail: mail.detail ?? '',
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  return { subject: `${shopName}: ${fill(template.subject)}`, text: `${fill(template.body)}\n\n— ${shopName}\n` };
}
