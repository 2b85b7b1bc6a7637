import { Result, err, ok } from '../shared/result';
import { confirmProviderTrade } from './confirm-provider-trade';
import { applyProviderRefund } from './execute-refund';
import { PaymentDeps } from './payment-deps';
import { NotificationHeaders, ProviderEvent } from './payment-provider';
import { SingleFlight } from '../shared/single-flight';

export type NotificationFailure =
  /** Failed a check (signature, serial, time window, GCM tag, appid/mchid, shape): not from our provider. */
  | 'REJECTED'
  | 'UNKNOWN_ORDER'
  | 'AMOUNT_MISMATCH'
  | 'UNKNOWN_REFUND'
  /** Verified, but it could not be applied now (e.g. the order is in a state that needs a person). */
  | 'NOT_APPLICABLE';

/**
 * A provider notification, from raw bytes to a durable state change. Nothing is trusted before every check passed;
 * a duplicate is acknowledged again with no second effect.
 */
export type NotificationOutcome = Result<string, { code: NotificationFailure; message: string }>;

export async function handlePaymentNotification(
  deps: PaymentDeps,
  flights: SingleFlight<NotificationOutcome>,
  headers: NotificationHeaders,
  rawBody: Buffer,
): Promise<NotificationOutcome> {
  const parsed = deps.provider.parseNotification(headers, rawBody, deps.clock.now());
  if (!parsed.ok) return err({ code: 'REJECTED', message: `${parsed.error.code}: ${parsed.error.message}` });
  const event = parsed.value;
  // Every copy is verified on its own above; copies arriving together are then applied once.
  const subject = event.type === 'TRANSACTION.SUCCESS' ? event.trade.outTradeNo : event.refund.outRefundNo;
  return flights.run(`${event.type}:${event.eventId}:${subject}`, () => apply(deps, event));
}

async function apply(deps: PaymentDeps, event: ProviderEvent): Promise<NotificationOutcome> {
  if (event.type === 'TRANSACTION.SUCCESS') {
    const applied = await confirmProviderTrade(deps, event.trade);
    if (applied.ok) return ok(applied.value);
    const code = applied.error.code === 'ORDER_NOT_FOUND' ? 'UNKNOWN_ORDER' : applied.error.code === 'AMOUNT_MISMATCH' ? 'AMOUNT_MISMATCH' : 'NOT_APPLICABLE';
    return err({ code, message: applied.error.message });
  }
  const applied = await applyProviderRefund(deps, event.refund);
  return applied.ok ? ok(`REFUND_${applied.value}`) : err({ code: 'UNKNOWN_REFUND', message: applied.error.message });
}
