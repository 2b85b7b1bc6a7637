import { CheckoutState, OrderState, afterTransition, transition } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { PaymentProvider } from './payment-provider';
import { providerFor } from './payment-providers';

/** A checkout's QR: the code and what it stands for (its seller orders, AWAITING_PAYMENT once the code exists). */
export type CheckoutQr = (
  | { status: 'READY'; codeUrl: string; expiresAt: Date }
  /** The provider could not be reached: ask again (the shopper's "show QR" or retry-prepay). */
  | { status: 'RETRYING'; message: string; expiresAt: Date }
) & { checkout: CheckoutState; orders: OrderState[] };

export type CheckoutQrError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_PAYABLE' | 'ORDER_CLOSED'>;

/** The checkout's PENDING payment row, in the caller's transaction: one trade for the total, under the checkout's number. */
export async function openCheckoutQrPaymentInTx(tx: PaymentTx, provider: PaymentProvider, checkout: CheckoutState, now: Date): Promise<void> {
  await tx.payments.insert({
    orderNo: checkout.checkoutNo,
    provider: provider.name,
    outTradeNo: checkout.checkoutNo,
    amount: checkout.totalAmount,
    currency: checkout.currency,
    status: 'PENDING',
    codeUrl: null,
    expiresAt: checkout.expiresAt,
    transactionId: null,
    createdAt: now,
    paidAt: null,
  });
}

const description = (orders: readonly OrderState[]): string => {
  const lines = orders.flatMap((o) => o.lines);
  const [first, ...rest] = lines;
  if (first === undefined) return 'checkout';
  return [...(rest.length > 0 ? `${first.title} +${rest.length}` : first.title)].slice(0, 120).join('');
};

/**
 * The provider call for a checkout whose PENDING payment exists — outside any transaction — then one transaction:
 * the code and its first repair check, and each CREATED seller order → AWAITING_PAYMENT (conditional updates).
 */
export async function requestCheckoutQr(deps: PaymentDeps, checkout: CheckoutState, orders: OrderState[], provider: PaymentProvider): Promise<CheckoutQr> {
  const { checkoutNo, expiresAt } = checkout;
  const created = await provider.createQrPayment({
    outTradeNo: checkoutNo,
    description: description(orders),
    amount: checkout.totalAmount,
    currency: checkout.currency,
    expiresAt,
    attach: checkoutNo,
  });
  if (!created.ok) {
    deps.log('QR payment could not be created for a checkout; it waits for retry-prepay', { checkoutNo, error: created.error });
    return { status: 'RETRYING', message: 'the payment service did not answer; we are retrying — try again in a moment', expiresAt, checkout, orders };
  }
  const latest = await deps.uow.run(async (tx) => {
    const firstCheckAt = new Date(deps.clock.now().getTime() + deps.limits.paymentFirstCheckMs);
    await tx.payments.setCodeUrl(checkoutNo, created.value.codeUrl, expiresAt, firstCheckAt);
    const moved: OrderState[] = [];
    for (const held of orders) {
      const awaiting = held.status === 'CREATED' ? transition(held, { type: 'AWAIT_PAYMENT' }) : null;
      if (awaiting?.ok && (await tx.orders.applyTransition(awaiting.value))) moved.push(afterTransition(held, awaiting.value));
      else moved.push((await tx.orders.findByNo(held.orderNo)) ?? held);
    }
    return moved;
  });
  return { status: 'READY', codeUrl: created.value.codeUrl, expiresAt, checkout, orders: latest };
}

/** A checkout's QR code, asking the provider at most once per call and always under the checkout's number. */
export async function startCheckoutQr(deps: PaymentDeps, checkoutNo: string, shopperId?: string): Promise<Result<CheckoutQr, CheckoutQrError>> {
  const now = deps.clock.now();
  const prepared = await deps.uow.run(
    async (tx): Promise<Result<{ checkout: CheckoutState; orders: OrderState[]; provider: PaymentProvider; codeUrl: string | null }, CheckoutQrError>> => {
      const checkout = await tx.checkouts.findByNo(checkoutNo);
      if (!checkout || (shopperId !== undefined && checkout.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no checkout ${checkoutNo}`);
      const provider = providerFor(deps.providers, checkout.paymentMethod);
      if (provider === null) return fail('ORDER_NOT_PAYABLE', `checkout ${checkoutNo} is paid with ${checkout.paymentMethod}, not by QR code`);
      if (checkout.status === 'CLOSED') return fail('ORDER_CLOSED', `checkout ${checkoutNo} is closed`);
      if (checkout.status !== 'OPEN' || checkout.expiresAt.getTime() <= now.getTime())
        return fail('ORDER_NOT_PAYABLE', `checkout ${checkoutNo} is ${checkout.status === 'OPEN' ? 'past its pay window' : checkout.status}`);
      const orders = await tx.orders.findByCheckout(checkoutNo);
      const payment = await tx.payments.findByOutTradeNo(checkoutNo);
      if (payment?.codeUrl && payment.status === 'PENDING') return ok({ checkout, orders, provider, codeUrl: payment.codeUrl });
      if (!payment) await openCheckoutQrPaymentInTx(tx, provider, checkout, now);
      return ok({ checkout, orders, provider, codeUrl: null });
    },
  );
  if (!prepared.ok) return prepared;
  const { checkout, orders, provider, codeUrl } = prepared.value;
  if (codeUrl) return ok({ status: 'READY', codeUrl, expiresAt: checkout.expiresAt, checkout, orders });
  return ok(await requestCheckoutQr(deps, checkout, orders, provider));
}
