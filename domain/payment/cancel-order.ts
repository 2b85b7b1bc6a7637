import { noteCheckoutFailure } from '../account';
import { Order, closeUnpaidInTx, isUnpaid } from '../ordering';
import { DomainError, Result, fail, ok } from '../shared/result';
import { EXPIRY_REASON, closeOrder } from './close-order';
import { confirmProviderTrade } from './confirm-provider-trade';
import { PaymentDeps } from './payment-deps';
import { PaymentProvider } from './payment-provider';
import { providerFor } from './payment-providers';

export type CancelError = DomainError<'ORDER_NOT_FOUND' | 'ORDER_NOT_CLOSABLE' | 'PROVIDER_UNAVAILABLE'>;

/**
 * Closes an unpaid order — the shopper's "cancel" and the expiry job alike. For a QR order the provider is asked
 * FIRST (the shopper may have paid a second ago), then the trade is closed there, and only then here. Only an expiry
 * counts as a failed checkout: a shopper who cancels gives the stock back early, and the cancel cool-down already
 * makes cancel-and-reserve-again useless.
 */
export async function cancelUnpaidOrder(deps: PaymentDeps, orderNo: string, reason: string, shopperId?: string): Promise<Result<Order, CancelError>> {
  const state = await deps.uow.read((tx) => tx.orders.findByNo(orderNo));
  if (!state || (shopperId !== undefined && state.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  const order = Order.restore(state);
  if (state.status === 'CLOSED') return ok(order);
  if (state.checkoutNo !== null) return cancelUnpaidCheckout(deps, state.checkoutNo, orderNo, reason, shopperId);
  if (!isUnpaid(state)) return fail('ORDER_NOT_CLOSABLE', `order ${orderNo} is ${state.status} and cannot be cancelled`);
  const provider = providerFor(deps.providers, state.paymentMethod);
  if (provider !== null) {
    const settled = await settleAtProvider(deps, provider, orderNo);
    if (!settled.ok) return settled;
  }
  return closeOrder(deps, orderNo, reason, shopperId);
}

/**
 * A checkout is paid as one, so it is cancelled as one: the provider asked and the trade closed first, then the
 * checkout, every seller order (stock back) and the pending payment in one transaction. Hands back `orderNo`'s order.
 */
async function cancelUnpaidCheckout(
  deps: PaymentDeps,
  checkoutNo: string,
  orderNo: string,
  reason: string,
  shopperId?: string,
): Promise<Result<Order, CancelError>> {
  const checkout = await deps.uow.read((tx) => tx.checkouts.findByNo(checkoutNo));
  if (!checkout || (shopperId !== undefined && checkout.userId !== shopperId)) return fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  if (checkout.status === 'PAID') return fail('ORDER_NOT_CLOSABLE', `checkout ${checkoutNo} is paid and cannot be cancelled`);
  const provider = providerFor(deps.providers, checkout.paymentMethod);
  if (provider !== null && checkout.status === 'OPEN') {
    const settled = await settleAtProvider(deps, provider, checkoutNo);
    if (!settled.ok) return settled;
  }
  return deps.uow.run(async (tx): Promise<Result<Order, CancelError>> => {
    const now = deps.clock.now();
    if (!(await tx.checkouts.markClosed(checkoutNo, now))) {
      const again = await tx.checkouts.findByNo(checkoutNo);
      if (again?.status === 'PAID') return fail('ORDER_NOT_CLOSABLE', `checkout ${checkoutNo} has just been paid`);
    } else if (reason === EXPIRY_REASON) {
      // One failed checkout, however many sellers' orders it held.
      await noteCheckoutFailure(tx, deps.limits, checkout.userId, 'ORDER_EXPIRED_UNPAID', now, checkoutNo);
    }
    let asked: Order | null = null;
    for (const state of await tx.orders.findByCheckout(checkoutNo)) {
      const closed = isUnpaid(state) ? await closeUnpaidInTx(tx, state, now, reason) : ok(state);
      if (!closed.ok) return fail('ORDER_NOT_CLOSABLE', closed.error.message);
      if (state.orderNo === orderNo) asked = Order.restore(closed.value);
    }
    const payment = await tx.payments.findByOutTradeNo(checkoutNo);
    if (payment?.status === 'PENDING') await tx.payments.markClosed(checkoutNo);
    return asked ? ok(asked) : fail('ORDER_NOT_FOUND', `no order ${orderNo}`);
  });
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
