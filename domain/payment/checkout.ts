import { Order, PlaceOrder, PlaceOrderError, PlacedOrder, isPayable, placeInTx, preparePlacement } from '../ordering';
import { Result, ok } from '../shared/result';
import { PaymentDeps } from './payment-deps';
import { enabledMethods, providerFor } from './payment-providers';
import { PayWithCreditError, payWithCreditInTx } from './pay-with-credit';
import { QrPayment, startQrPayment } from './start-qr-payment';

export type CheckedOut = PlacedOrder & { payment: QrPayment | null };

export type CheckoutError = PlaceOrderError | PayWithCreditError;

/**
 * A purchase: the order is placed and, paid with credit, paid in the SAME transaction (the debit and "paid" stand or
 * fall with the placement); a QR order then gets its code at once (or a "retrying" state when the provider is down).
 */
export async function checkout(deps: PaymentDeps, cmd: PlaceOrder): Promise<Result<CheckedOut, CheckoutError>> {
  const placement = preparePlacement(cmd, deps.limits, enabledMethods(deps.providers), deps.clock.now());
  if (!placement.ok) return placement;
  const { paymentMethod, now } = placement.value;
  const placed = await deps.uow.run(async (tx): Promise<Result<PlacedOrder, CheckoutError>> => {
    const result = await placeInTx(tx, deps, placement.value);
    if (!result.ok || result.value.outcome !== 'created' || paymentMethod !== 'credit') return result;
    const paid = await payWithCreditInTx(tx, result.value.order, now);
    return paid.ok ? ok({ order: paid.value, outcome: 'created' }) : paid;
  });
  if (!placed.ok) return placed;
  const { order } = placed.value;
  if (providerFor(deps.providers, order.snapshot.paymentMethod) === null || !isPayable(order.snapshot, deps.clock.now()))
    return ok({ ...placed.value, payment: null });
  const started = await startQrPayment(deps, order.orderNo);
  if (!started.ok) return ok({ ...placed.value, payment: null });
  // Getting the code moves the order on (CREATED → AWAITING_PAYMENT): hand back the order as it now stands.
  return ok({ ...placed.value, order: Order.restore(started.value.order), payment: started.value });
}
