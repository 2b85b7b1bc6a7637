import { PaymentDeps } from '../payment/payment-deps';
import { QrPayment, startQrPayment } from '../payment/start-qr-payment';
import { Order } from './order';
import { isPayable } from './order-state-machine';
import { Result, ok } from '../shared/result';
import { PaymentMethod } from './order-types';
import { PlaceOrder, PlaceOrderError, PlacedOrder, placeOrder } from './place-order';

export type CheckedOut = PlacedOrder & { payment: QrPayment | null };

/** Place, and for a QR order get its code at once (or a "retrying" state when the provider is down). */
export async function checkout(deps: PaymentDeps, enabledMethods: readonly PaymentMethod[], cmd: PlaceOrder): Promise<Result<CheckedOut, PlaceOrderError>> {
  const placed = await placeOrder(deps, { enabledMethods }, cmd);
  if (!placed.ok) return placed;
  const { order } = placed.value;
  if (order.snapshot.paymentMethod !== 'wechatpay' || !isPayable(order.snapshot, deps.clock.now())) return ok({ ...placed.value, payment: null });
  const started = await startQrPayment(deps, order.orderNo);
  if (!started.ok) return ok({ ...placed.value, payment: null });
  // Getting the code moves the order on (CREATED → AWAITING_PAYMENT): hand back the order as it now stands.
  return ok({ ...placed.value, order: Order.restore(started.value.order), payment: started.value });
}
