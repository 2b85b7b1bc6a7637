import { Result, err, ok } from '../shared/result';
import { SingleFlight } from '../shared/single-flight';
import { confirmProviderTrade } from './confirm-provider-trade';
import { applyProviderRefund } from './execute-refund';
import { PaymentDeps } from './payment-deps';
import { ProviderEvent } from './provider-event';

export type EventFailure =
  | 'UNKNOWN_ORDER'
  | 'AMOUNT_MISMATCH'
  | 'UNKNOWN_REFUND'
  /** Verified, but it could not be applied now (e.g. the order is in a state that needs a person). */
  | 'NOT_APPLICABLE';

/** A verified provider event applied: the outcome, or why it was not. A duplicate is applied again with no second effect. */
export type EventOutcome = Result<string, { code: EventFailure; message: string }>;

/**
 * A provider's verified event, applied as a durable state change. Copies of one event that arrive together (a
 * provider retrying in a burst) are applied once and share the outcome: the single flight lives here, not in the
 * door, because it is keyed by the event itself and any door that takes provider events gets it.
 */
export function applyProviderEvent(deps: PaymentDeps, flights: SingleFlight<EventOutcome>, event: ProviderEvent): Promise<EventOutcome> {
  const subject = event.type === 'TRANSACTION.SUCCESS' ? event.trade.outTradeNo : event.refund.outRefundNo;
  return flights.run(`${event.type}:${event.eventId}:${subject}`, () => apply(deps, event));
}

async function apply(deps: PaymentDeps, event: ProviderEvent): Promise<EventOutcome> {
  if (event.type === 'TRANSACTION.SUCCESS') {
    const applied = await confirmProviderTrade(deps, event.trade);
    if (applied.ok) return ok(applied.value);
    const code = applied.error.code === 'ORDER_NOT_FOUND' ? 'UNKNOWN_ORDER' : applied.error.code === 'AMOUNT_MISMATCH' ? 'AMOUNT_MISMATCH' : 'NOT_APPLICABLE';
    return err({ code, message: applied.error.message });
  }
  const applied = await applyProviderRefund(deps, event.refund);
  return applied.ok ? ok(`REFUND_${applied.value}`) : err({ code: 'UNKNOWN_REFUND', message: applied.error.message });
}
