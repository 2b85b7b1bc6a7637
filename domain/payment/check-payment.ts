import { Order, OrderStatus } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { confirmProviderTrade } from './confirm-provider-trade';
import { PaymentDeps } from './payment-deps';
import { providerFor } from './payment-providers';

/** States in which money may have arrived that we have not seen yet (CLOSED: a late payment). */
const WORTH_ASKING: readonly OrderStatus[] = ['CREATED', 'AWAITING_PAYMENT', 'CLOSED'];

/** The shopper's "check payment": asks the provider now instead of waiting for the callback. */
export async function checkPayment(
  deps: PaymentDeps,
  orderNo: string,
  shopperId?: string,
): Promise<Result<Order, DomainError<'ORDER_NOT_FOUND' | 'PROVIDER_UNAVAILABLE'>>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  const provider = providerFor(deps.providers, state.paymentMethod);
  if (provider === null || !WORTH_ASKING.includes(state.status)) return ok(Order.restore(state));
  const trade = await provider.query(orderNo);
  if (!trade.ok) {
    if (trade.error.code !== 'ORDER_NOT_EXIST') return fail('PROVIDER_UNAVAILABLE', `cannot reach the payment provider now: ${trade.error.message}`);
    return ok(Order.restore(state));
  }
  await confirmProviderTrade(deps, trade.value);
  const fresh = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  return fresh ? ok(Order.restore(fresh)) : fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
}
