import { CheckoutState, Order, PlaceCheckout, PlaceCheckoutError, PlacedCheckout, noteCouponRefusal, placeCheckoutInTx, prepareCheckout } from '../ordering';
import { negateMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { CheckoutQr, openCheckoutQrPaymentInTx, requestCheckoutQr, startCheckoutQr } from './checkout-qr';
import { PaymentDeps, PaymentTx } from './payment-deps';
import { CREDIT_PROVIDER, enabledMethods, providerFor } from './payment-providers';
import { RecordPaymentError } from './record-payment';
import { recordCheckoutPayment } from './record-checkout-payment';

export type CheckedOutMany = PlacedCheckout & { payment: CheckoutQr | null };

export type PlaceCheckoutFailure = PlaceCheckoutError | RecordPaymentError | DomainError<'INSUFFICIENT_CREDIT'>;

/**
 * A purchase from several sellers: one order per seller under one checkout, ONE payment for the total — with
 * credit in the same transaction (the debit, the checkout and every seller order PAID or AWAITING_SELLER stand or
 * fall together), or one QR code for the total, asked for after the commit.
 */
export async function placeCheckout(deps: PaymentDeps, cmd: PlaceCheckout): Promise<Result<CheckedOutMany, PlaceCheckoutFailure>> {
  const placement = prepareCheckout(cmd, deps.limits, enabledMethods(deps.providers, deps.paymentMethods), deps.clock.now(), deps.paymentExceptions);
  if (!placement.ok) return placement;
  const { paymentMethod, now } = placement.value;
  // A Stars invoice is one order's, settled by Telegram whole; a checkout's partial refunds per seller cannot be.
  if (paymentMethod === 'stars')
    return fail('PAYMENT_METHOD_NOT_ALLOWED', 'Telegram Stars pay for one order of the house at a time, not a checkout across shops');
  const provider = providerFor(deps.providers, paymentMethod);
  const placed = await deps.uow.run(async (tx): Promise<Result<PlacedCheckout, PlaceCheckoutFailure>> => {
    const settle =
      paymentMethod === 'credit'
        ? (checkout: CheckoutState, orders: Order[]) => payCheckoutWithCreditInTx(tx, checkout, orders, now)
        : provider
          ? async (checkout: CheckoutState, orders: Order[]) => {
              await openCheckoutQrPaymentInTx(tx, provider, checkout, now);
              return ok({ checkout, orders });
            }
          : undefined;
    return placeCheckoutInTx<PlaceCheckoutFailure>(tx, deps, placement.value, settle);
  });
  if (!placed.ok) return noteCouponRefusal(deps, placement.value.shopperId, placement.value.coupon, placed);
  const { checkout, orders, outcome } = placed.value;
  const payable = checkout.status === 'OPEN' && checkout.expiresAt.getTime() > deps.clock.now().getTime();
  if (provider === null || !payable) return ok({ ...placed.value, payment: null });
  const started =
    outcome === 'created'
      ? ok(
          await requestCheckoutQr(
            deps,
            checkout,
            orders.map((o) => o.snapshot),
            provider,
          ),
        )
      : await startCheckoutQr(deps, checkout.checkoutNo);
  if (!started.ok) return ok({ ...placed.value, payment: null });
  return ok({ checkout, orders: started.value.orders.map((o) => Order.restore(o)), outcome, payment: started.value });
}

/** One debit for the checkout's total and its payment recorded, in the placement's transaction. */
async function payCheckoutWithCreditInTx(
  tx: PaymentTx,
  checkout: CheckoutState,
  orders: Order[],
  now: Date,
): Promise<Result<{ checkout: CheckoutState; orders: Order[] }, PlaceCheckoutFailure>> {
  if (orders.some((o) => o.snapshot.lines.some((l) => l.kind === 'credit')))
    return fail('PAYMENT_METHOD_NOT_ALLOWED', 'credit packs are paid by QR code, not with credit');
  const posted = await tx.accounts.post({
    userId: checkout.userId,
    amount: negateMinor(checkout.totalAmount),
    currency: checkout.currency,
    kind: 'PURCHASE',
    reason: `checkout ${checkout.checkoutNo}`,
    reference: `checkout:${checkout.checkoutNo}:payment`,
    at: now,
  });
  if (posted.status === 'INSUFFICIENT_FUNDS') {
    return fail('INSUFFICIENT_CREDIT', `this checkout costs ${checkout.totalAmount} and the balance is ${posted.balance}`, {
      balance: posted.balance,
      required: checkout.totalAmount,
    });
  }
  if (posted.status === 'DUPLICATE_REFERENCE') return fail('ORDER_NOT_PAYABLE', `checkout ${checkout.checkoutNo} was already paid with credit`);
  const recorded = await recordCheckoutPayment(
    tx,
    {
      orderNo: checkout.checkoutNo,
      outTradeNo: checkout.checkoutNo,
      provider: CREDIT_PROVIDER,
      transactionId: `ledger:${posted.entry.id}`,
      amount: checkout.totalAmount,
      currency: checkout.currency,
      paidAt: now,
    },
    { checkout, orders: orders.map((o) => o.snapshot), payment: null },
  );
  if (!recorded.ok) return recorded;
  return ok({ checkout: recorded.value.checkout, orders: recorded.value.orders.map((o) => Order.restore(o)) });
}
