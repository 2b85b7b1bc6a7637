import { Order, OrderStatus } from '../ordering';
import { isKeyValueUnavailable } from '../shared/ports/key-value-unavailable-error';
import { DomainError, Result, fail, ok } from '../shared/result';
import { confirmProviderTrade } from './confirm-provider-trade';
import { PaymentDeps } from './payment-deps';
import { PaymentProvider } from './payment-provider';
import { providerFor } from './payment-providers';

/** States in which money may have arrived that we have not seen yet (CLOSED: a late payment). */
const WORTH_ASKING: readonly OrderStatus[] = ['CREATED', 'AWAITING_PAYMENT', 'CLOSED'];

type Asked = { ok: true } | { ok: false; message: string };

/**
 * The shopper's "check payment": asks the provider now instead of waiting for the callback. The merchant's API quota
 * is not the shopper's to spend: one order's provider is asked at most once per interval however many requests,
 * doors and instances ask (a shared single flight; the others read what it found). The doors rate-limit callers.
 */
export async function checkPayment(
  deps: PaymentDeps,
  orderNo: string,
  shopperId?: string,
): Promise<Result<Order, DomainError<'ORDER_NOT_FOUND' | 'PROVIDER_UNAVAILABLE'>>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  const provider = providerFor(deps.providers, state.paymentMethod);
  if (provider === null || !WORTH_ASKING.includes(state.status)) return ok(Order.restore(state));
  // A checkout's seller order is paid under its checkout's number.
  const tradeNo = state.checkoutNo ?? orderNo;
  const ask = () => askProvider(deps, provider, tradeNo);
  // Without the shared store (Redis down) the shopper is still answered: one direct, single-attempt query.
  const asked = await deps.coordination.flights.once(`payment-check:${tradeNo}`, deps.limits.paymentCheckIntervalMs, ask).catch(async (e: unknown) => {
    if (!isKeyValueUnavailable(e)) throw e;
    return ask();
  });
  if (asked && !asked.ok) return fail('PROVIDER_UNAVAILABLE', `cannot reach the payment provider now: ${asked.message}`);
  const fresh = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  return fresh ? ok(Order.restore(fresh)) : fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
}

/** One attempt (the flight is the retry policy here), and what it found applied before the outcome is shared. */
async function askProvider(deps: PaymentDeps, provider: PaymentProvider, orderNo: string): Promise<Asked> {
  const trade = await provider.query(orderNo, { once: true });
  if (!trade.ok) return trade.error.code === 'ORDER_NOT_EXIST' ? { ok: true } : { ok: false, message: trade.error.message };
  await confirmProviderTrade(deps, trade.value);
  return { ok: true };
}
