import { Order, PlaceOrder, PlaceOrderError, PlacedOrder, isPayable, noteCouponRefusal, placeInTx, preparePlacement } from '../ordering';
import { Result, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';
import { enabledMethods, providerFor } from './payment-providers';
import { PayWithCreditError, payWithCreditInTx } from './pay-with-credit';
import { QrPayment, openQrPaymentInTx, requestQrCode, startQrPayment } from './start-qr-payment';

export type CheckedOut = PlacedOrder & { payment: QrPayment | null };

export type CheckoutError = PlaceOrderError | PayWithCreditError;

/**
 * A purchase: the order is placed and, paid with credit, paid in the SAME transaction (the debit and "paid" stand or
 * fall with the placement); a QR order then gets its code at once (or a "retrying" state when the provider is down).
 */
export async function checkout(deps: PaymentDeps, cmd: PlaceOrder): Promise<Result<CheckedOut, CheckoutError>> {
  const placement = preparePlacement(cmd, deps.limits, enabledMethods(deps.providers, deps.paymentMethods), deps.clock.now(), deps.paymentExceptions);
  if (!placement.ok) return placement;
  const { paymentMethod, now } = placement.value;
  const provider = providerFor(deps.providers, paymentMethod);
  const placed = await deps.uow.run(async (tx): Promise<Result<PlacedOrder, CheckoutError>> => {
    // Paid with credit, or its PENDING payment opened, before the stock is reserved: the hot rows are locked last.
    const settle =
      paymentMethod === 'credit'
        ? (order: Order) => payWithCreditInTx(tx, order, now)
        : provider
          ? async (order: Order) => {
              await openQrPaymentInTx(tx, provider, order.snapshot, now);
              return ok(order);
            }
          : undefined;
    return placeInTx<PayWithCreditError>(tx, deps, placement.value, settle);
  });
  if (!placed.ok) return noteCouponRefusal(deps, placement.value.shopperId, placement.value.coupon, placed);
  const { order } = placed.value;
  if (provider === null || !isPayable(order.snapshot, deps.clock.now())) return ok({ ...placed.value, payment: null });
  // A fresh order's payment row was opened with it; a replayed or reused one goes the long way (it may have its code).
  const started = placed.value.outcome === 'created' ? ok(await requestQrCode(deps, order, provider)) : await startQrPayment(deps, order.orderNo);
  if (!started.ok) return ok({ ...placed.value, payment: null });
  // Getting the code moves the order on (CREATED → AWAITING_PAYMENT): hand back the order as it now stands.
  return ok({ ...placed.value, order: Order.restore(started.value.order), payment: started.value });
}
