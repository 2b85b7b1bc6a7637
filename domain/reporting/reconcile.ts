import { PaymentProvider } from '../payment';
import { ConsistencyChecks } from './consistency-checks';

export interface Discrepancy {
  check: string;
  detail: string;
}

export interface ReconcileDeps {
  checks: ConsistencyChecks;
  /** Asked about recent payments when given (null: the provider is not reachable from here). */
  provider: PaymentProvider | null;
  providerSampleSize: number;
}

/**
 * Proves the money invariants: Σ ledger = balance, one successful payment per paid order, one top-up per delivered
 * credit line, codes and stock in step, and (where the provider can be asked) local payment states agreeing with it.
 */
export async function reconcile(deps: ReconcileDeps): Promise<Discrepancy[]> {
  const found: Discrepancy[] = [];
  const add = (check: string, detail: string) => found.push({ check, detail });
  for (const r of await deps.checks.ledgerMismatches()) {
    add('ledger', `account ${r.userId}: balance ${r.balance}, Σ ledger ${r.ledgerSum}, newest balance_after ${r.lastBalanceAfter ?? 'none'}`);
  }
  for (const r of await deps.checks.paidOrdersWithoutOnePayment()) {
    add('payment', `order ${r.orderNo} (${r.status}, total ${r.total}): ${r.succeeded} successful payment(s) of ${r.paidAmount} in all`);
  }
  for (const r of await deps.checks.paymentsForUnpaidOrders()) {
    add('payment', `payment ${r.outTradeNo} of ${r.amount} succeeded but order ${r.orderNo} is ${r.status}`);
  }
  for (const r of await deps.checks.creditDeliveryMismatches()) {
    add('credit', `order ${r.orderNo} line ${r.lineNo}: expected one top-up of ${r.expected}, found ${r.entries} totalling ${r.credited}`);
  }
  for (const r of await deps.checks.codeStockMismatches())
    add('codes', `product ${r.productId}: stock ${r.stock ?? 'unlimited'} but ${r.available} codes available`);
  for (const r of await deps.checks.codeStateMismatches())
    add('codes', `code ${r.codeId} is ${r.status} for order ${r.orderNo ?? '-'} (${r.orderStatus ?? 'no order'})`);
  if (deps.provider) {
    const provider = deps.provider;
    for (const p of await deps.checks.recentProviderPayments(provider.name, deps.providerSampleSize)) {
      const trade = await provider.query(p.outTradeNo);
      if (!trade.ok) {
        if (trade.error.code === 'ORDER_NOT_EXIST' && p.status !== 'SUCCEEDED') continue;
        add('provider', `payment ${p.outTradeNo}: the provider could not be asked (${trade.error.code}: ${trade.error.message})`);
        continue;
      }
      const paidThere = trade.value.tradeState === 'SUCCESS' || trade.value.tradeState === 'REFUND';
      if (paidThere && p.status !== 'SUCCEEDED')
        add('provider', `payment ${p.outTradeNo} is ${p.status} here but ${trade.value.tradeState} at ${provider.name}`);
      if (!paidThere && p.status === 'SUCCEEDED')
        add('provider', `payment ${p.outTradeNo} is SUCCEEDED here but ${trade.value.tradeState} at ${provider.name}`);
      if (paidThere && trade.value.amount !== undefined && trade.value.amount !== p.amount)
        add('provider', `payment ${p.outTradeNo}: ${p.amount} here, ${trade.value.amount} at ${provider.name}`);
    }
  }
  return found;
}
