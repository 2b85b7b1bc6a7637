import { Order, afterTransition } from '../ordering/order';
import { OrderState } from '../ordering/order-types';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';

export type QrPayment = (
  | { status: 'READY'; codeUrl: string; expiresAt: Date }
  /** The provider could not be reached: the order stays CREATED and the retry-prepay job tries again. */
  | { status: 'RETRYING'; message: string; expiresAt: Date }
) & {
  /** The order as this call left it (AWAITING_PAYMENT once its code exists). */
  order: OrderState;
};

export type StartQrPaymentError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_PAYABLE' | 'ORDER_CLOSED'>;

const description = (order: Order): string => {
  const [first, ...rest] = order.snapshot.lines;
  if (first === undefined) throw new Error(`order ${order.snapshot.orderNo} has no lines`);
  const text = rest.length > 0 ? `${first.title} +${rest.length}` : `${first.title}${first.quantity > 1 ? ` ×${first.quantity}` : ''}`;
  return [...text].slice(0, 120).join('');
};

/**
 * Gets a QR code for an unpaid QR order, asking the provider at most once per call and always under the same
 * out_trade_no (the order number), so a retry after a timeout can never open a second trade.
 */
export async function startQrPayment(deps: PaymentDeps, orderNo: string, shopperId?: string): Promise<Result<QrPayment, StartQrPaymentError>> {
  const now = deps.clock.now();
  const prepared = await deps.uow.run(async (tx): Promise<Result<{ order: Order; codeUrl: string | null }, StartQrPaymentError>> => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const order = Order.restore(state);
    if (state.paymentMethod !== 'wechatpay') return fail('ORDER_NOT_PAYABLE', `order ${orderNo} is paid with ${state.paymentMethod}, not by QR code`);
    if (state.status === 'CLOSED') return fail('ORDER_CLOSED', `order ${orderNo} is closed`);
    if (!order.isPayable(now))
      return fail('ORDER_NOT_PAYABLE', `order ${orderNo} is ${state.status}${order.isUnpaid() ? ' and its pay window has passed' : ''}`);
    const payment = await tx.payments.findByOutTradeNo(orderNo);
    if (payment?.codeUrl && payment.status === 'PENDING') return ok({ order, codeUrl: payment.codeUrl });
    if (!payment) {
      await tx.payments.insert({
        orderNo,
        provider: deps.provider.name,
        outTradeNo: orderNo,
        amount: state.totalAmount,
        currency: state.currency,
        status: 'PENDING',
        codeUrl: null,
        expiresAt: state.expiresAt,
        transactionId: null,
        createdAt: now,
        paidAt: null,
      });
    }
    return ok({ order, codeUrl: null });
  });
  if (!prepared.ok) return prepared;
  const { order } = prepared.value;
  const expiresAt = order.snapshot.expiresAt;
  if (prepared.value.codeUrl) return ok({ status: 'READY', codeUrl: prepared.value.codeUrl, expiresAt, order: order.snapshot });

  const created = await deps.provider.createQrPayment({
    outTradeNo: orderNo,
    description: description(order),
    amount: order.snapshot.totalAmount,
    currency: order.snapshot.currency,
    expiresAt,
    attach: orderNo,
  });
  if (!created.ok) {
    deps.log('QR payment could not be created; the order waits for retry-prepay', { orderNo, error: created.error });
    return ok({ status: 'RETRYING', message: 'the payment service did not answer; we are retrying — try again in a moment', expiresAt, order: order.snapshot });
  }
  const latest = await deps.uow.run(async (tx) => {
    await tx.payments.setCodeUrl(orderNo, created.value.codeUrl, expiresAt);
    await tx.payments.scheduleCheck(orderNo, new Date(deps.clock.now().getTime() + deps.limits.paymentFirstCheckMs), 0);
    const fresh = (await tx.orders.findByNo(orderNo)) ?? order.snapshot;
    const transition = fresh.status === 'CREATED' ? Order.restore(fresh).awaitPayment() : null;
    return transition?.ok && (await tx.orders.applyTransition(transition.value)) ? afterTransition(fresh, transition.value) : fresh;
  });
  return ok({ status: 'READY', codeUrl: created.value.codeUrl, expiresAt, order: latest });
}
