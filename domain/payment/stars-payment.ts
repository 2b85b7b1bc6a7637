import { minor } from '../shared/money';
import { err } from '../shared/result';
import { SingleFlight } from '../shared/single-flight';
import { EventOutcome, applyProviderEvent } from './apply-provider-event';
import { PaymentDeps } from './payment-deps';

/** Telegram's `successful_payment`, as the bot received it (Telegram sends it only after our pre-checkout said yes). */
export interface StarsPayment {
  /** The invoice payload: our order number. */
  orderNo: string;
  /** `telegram_payment_charge_id`: the charge's id, its unique key in our payments and what a refund names. */
  chargeId: string;
  currency: string;
  totalAmount: number;
  paidAt?: Date;
}

/**
 * A Stars payment applied as every provider's payment is (`confirm-provider-trade.ts`): recorded once by its charge id
 * (the same update again changes nothing; a second, different charge for a paid order is refunded whole), the order
 * marked paid by one conditional update and delivered through the outbox; money for an order closed meanwhile is
 * refunded (the Stars provider's `latePayments`). The update itself is the proof: the bot door only takes it from
 * Telegram (its token, the webhook's secret).
 */
export function recordStarsPayment(deps: PaymentDeps, flights: SingleFlight<EventOutcome>, payment: StarsPayment): Promise<EventOutcome> {
  if (!Number.isSafeInteger(payment.totalAmount) || payment.totalAmount < 1)
    return Promise.resolve(err({ code: 'AMOUNT_MISMATCH', message: `a Stars payment of ${payment.totalAmount} stars` }));
  return applyProviderEvent(deps, flights, {
    type: 'TRANSACTION.SUCCESS',
    eventId: payment.chargeId,
    trade: {
      outTradeNo: payment.orderNo,
      tradeState: 'SUCCESS',
      transactionId: payment.chargeId,
      amount: minor(payment.totalAmount),
      currency: payment.currency,
      successTime: payment.paidAt ?? deps.clock.now(),
      attach: payment.orderNo,
    },
  });
}
