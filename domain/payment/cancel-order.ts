import { Order, isUnpaid } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { closeOrder } from './close-order';
import { confirmProviderTrade } from './confirm-provider-trade';
import { PaymentDeps } from './payment-deps';
import { PaymentProvider } from './payment-provider';
import { providerFor } from './payment-providers';

export type CancelError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CLOSABLE' | 'PROVIDER_UNAVAILABLE'>;

/**
 * Closes an unpaid order — the shopper's "cancel" and the expiry job alike. For a QR order the provider is asked
 * FIRST (the shopper may have paid a second ago), then the trade is closed there, and only then here.
 */
export async function cancelUnpaidOrder(deps: PaymentDeps, orderNo: string, reason: string, shopperId?: string): Promise<Result<Order, CancelError>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  const order = Order.restore(state);
  if (state.status === 'CLOSED') return ok(order);
  if (!isUnpaid(state)) return fail('ORDER_NOT_CLOSABLE', `order ${orderNo} is ${state.status} and cannot be cancelled`);
  const provider = providerFor(deps.providers, state.paymentMethod);
  if (provider !== null) {
    const settled = await settleAtProvider(deps, provider, orderNo);
    if (!settled.ok) return settled;
  }
  return closeOrder(deps, orderNo, reason, shopperId);
}

async function settleAtProvider(deps: PaymentDeps, provider: PaymentProvider, orderNo: string): Promise<Result<void, CancelError>> {
  const paidAlready = fail('ORDER_NOT_CLOSABLE', `order ${orderNo} has just been paid`);
  const query = await provider.query(orderNo);
  if (!query.ok && query.error.code !== 'ORDER_NOT_EXIST')
    return fail('PROVIDER_UNAVAILABLE', `cannot ask the payment provider about ${orderNo} now: ${query.error.message}`);
  if (query.ok && query.value.tradeState === 'SUCCESS') {
    await confirmProviderTrade(deps, query.value);
    return paidAlready;
  }
  if (query.ok && query.value.tradeState !== 'CLOSED') {
    const closed = await provider.close(orderNo);
    if (!closed.ok && closed.error.code === 'ALREADY_PAID') {
      const again = await provider.query(orderNo);
      if (again.ok) await confirmProviderTrade(deps, again.value);
      return paidAlready;
    }
    if (!closed.ok && closed.error.code !== 'ORDER_CLOSED' && closed.error.code !== 'ORDER_NOT_EXIST') {
      return fail('PROVIDER_UNAVAILABLE', `cannot close ${orderNo} at the payment provider now: ${closed.error.message}`);
    }
  }
  return ok(undefined);
}
