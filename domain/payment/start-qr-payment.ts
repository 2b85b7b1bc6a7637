import { Order, OrderState, afterTransition, isPayable, isUnpaid, transition } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { PaymentProvider } from './payment-provider';
import { providerFor } from './payment-providers';
import { startCheckoutQr } from './checkout-qr';

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
 * Opens the PENDING payment row of a QR order in the caller's transaction (the order's number is its out_trade_no).
 * Checkout does it in the placement's transaction, so a fresh order needs no second one before the provider call.
 */
export async function openQrPaymentInTx(tx: PaymentTx, provider: PaymentProvider, state: OrderState, now: Date): Promise<void> {
  await tx.payments.insert({
    orderNo: state.orderNo,
    provider: provider.name,
    outTradeNo: state.orderNo,
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

/**
 * Gets a QR code for an unpaid QR order, asking the provider at most once per call and always under the same
 * out_trade_no (the order number), so a retry after a timeout can never open a second trade.
 */
export async function startQrPayment(deps: PaymentDeps, orderNo: string, shopperId?: string): Promise<Result<QrPayment, StartQrPaymentError>> {
  const now = deps.clock.now();
  // A checkout's seller order is paid with its checkout: the one code for the total.
  const own = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (own?.checkoutNo) {
    if (shopperId !== undefined && own.userId !== shopperId) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const started = await startCheckoutQr(deps, own.checkoutNo, shopperId);
    if (!started.ok) return started;
    const order = started.value.orders.find((o) => o.orderNo === orderNo) ?? own;
    const { checkout: _checkout, orders: _orders, ...qr } = started.value;
    return ok({ ...qr, order });
  }
  const prepared = await deps.uow.run(async (tx): Promise<Result<{ order: Order; provider: PaymentProvider; codeUrl: string | null }, StartQrPaymentError>> => {
    const state = await tx.orders.findByNo(orderNo);
    if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
    const order = Order.restore(state);
    const provider = providerFor(deps.providers, state.paymentMethod);
    if (provider === null) return fail('ORDER_NOT_PAYABLE', `order ${orderNo} is paid with ${state.paymentMethod}, not by QR code`);
    if (state.status === 'CLOSED') return fail('ORDER_CLOSED', `order ${orderNo} is closed`);
    if (!isPayable(state, now))
      return fail('ORDER_NOT_PAYABLE', `order ${orderNo} is ${state.status}${isUnpaid(state) ? ' and its pay window has passed' : ''}`);
    const payment = await tx.payments.findByOutTradeNo(orderNo);
    if (payment?.codeUrl && payment.status === 'PENDING') return ok({ order, provider, codeUrl: payment.codeUrl });
    if (!payment) await openQrPaymentInTx(tx, provider, state, now);
    return ok({ order, provider, codeUrl: null });
  });
  if (!prepared.ok) return prepared;
  const { order, provider } = prepared.value;
  const expiresAt = order.snapshot.expiresAt;
  if (prepared.value.codeUrl) return ok({ status: 'READY', codeUrl: prepared.value.codeUrl, expiresAt, order: order.snapshot });
  return ok(await requestQrCode(deps, order, provider));
}

/**
 * The provider call for an order whose PENDING payment row exists — outside any transaction — then ONE transaction:
 * the code and the first repair check in one UPDATE, and CREATED → AWAITING_PAYMENT by a conditional update on the
 * state the caller holds (read again only when someone else moved the order meanwhile).
 */
export async function requestQrCode(deps: PaymentDeps, order: Order, provider: PaymentProvider): Promise<QrPayment> {
  const { orderNo, expiresAt } = order.snapshot;
  const created = await provider.createQrPayment({
    outTradeNo: orderNo,
    description: description(order),
    amount: order.snapshot.totalAmount,
    currency: order.snapshot.currency,
    expiresAt,
    attach: orderNo,
  });
  if (!created.ok) {
    deps.log('QR payment could not be created; the order waits for retry-prepay', { orderNo, error: created.error });
    return { status: 'RETRYING', message: 'the payment service did not answer; we are retrying — try again in a moment', expiresAt, order: order.snapshot };
  }
  const latest = await deps.uow.run(async (tx) => {
    const firstCheckAt = new Date(deps.clock.now().getTime() + deps.limits.paymentFirstCheckMs);
    await tx.payments.setCodeUrl(orderNo, created.value.codeUrl, expiresAt, firstCheckAt);
    const held = order.snapshot;
    const awaiting = held.status === 'CREATED' ? transition(held, { type: 'AWAIT_PAYMENT' }) : null;
    if (awaiting?.ok && (await tx.orders.applyTransition(awaiting.value))) return afterTransition(held, awaiting.value);
    return (await tx.orders.findByNo(orderNo)) ?? held;
  });
  return { status: 'READY', codeUrl: created.value.codeUrl, expiresAt, order: latest };
}
