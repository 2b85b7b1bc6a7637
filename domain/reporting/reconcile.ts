import { PaymentProvider } from '../payment';
import { ConsistencyChecks } from './consistency-checks';

export interface Discrepancy {
  check: string;
  detail: string;
}

export interface ReconcileDeps {
  checks: ConsistencyChecks;
  /** Each is asked about its recent payments (none: no provider is reachable from here). */
  providers: readonly PaymentProvider[];
  providerSampleSize: number;
}

/** Second charges for orders already paid, by where their automatic refund stands. */
export interface DuplicatePaymentCount {
  total: number;
  refunded: number;
  refunding: number;
  /** The provider refused the refund: money is held that is not ours (each one is also a discrepancy). */
  failed: number;
}

/** One currency's money: the shop's CNY and Telegram Stars (XTR) are separate books, never added up. */
export interface CurrencyLedger {
  currency: string;
  paidIn: number;
  payments: number;
  refunded: number;
  refunds: number;
  /** What the shop keeps: paid in minus refunded. */
  held: number;
}

export interface ReconcileReport {
  discrepancies: Discrepancy[];
  duplicatePayments: DuplicatePaymentCount;
  ledgers: CurrencyLedger[];
}

/** The discrepancies alone (see `reconcileReport`). */
export async function reconcile(deps: ReconcileDeps): Promise<Discrepancy[]> {
  return (await reconcileReport(deps)).discrepancies;
}

/**
 * Proves the money invariants: Σ ledger = balance, one successful payment per paid order, one top-up per delivered
 * credit line, codes and stock in step, every duplicate payment refunded or being refunded, and (where the provider
 * can be asked) local payment states agreeing with it. Duplicate payments are counted as well.
 */
export async function reconcileReport(deps: ReconcileDeps): Promise<ReconcileReport> {
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
  for (const r of await deps.checks.checkoutMismatches()) {
    add(
      'checkout',
      `checkout ${r.checkoutNo} (${r.status}, total ${r.total}): ${r.orders} seller order(s) totalling ${r.ordersTotal}, ${r.payments} successful payment(s) of ${r.paid}, refunded ${r.refunded}`,
    );
  }
  for (const r of await deps.checks.sellerOrderMismatches()) add('seller-order', `order ${r.orderNo}: ${r.detail}`);
  for (const r of await deps.checks.couponMismatches()) {
    add(
      'coupon',
      r.what === 'order-total'
        ? `order ${r.subject}: total ${r.found} but its lines less their discounts and its delivery fee come to ${r.expected}`
        : `coupon ${r.subject}: counts ${r.found} uses but ${r.expected} purchase(s) hold one`,
    );
  }
  const market = await deps.checks.marketplaceMoney();
  const accounted = market.toSellers + market.commissions + market.refunds + market.held;
  if (market.moneyIn !== accounted) {
    add(
      'marketplace',
      `money in ${market.moneyIn} ≠ to sellers ${market.toSellers} + commissions ${market.commissions} + refunds ${market.refunds} + held ${market.held} (= ${accounted})`,
    );
  }
  const duplicates = await deps.checks.duplicatePayments();
  const duplicatePayments: DuplicatePaymentCount = { total: duplicates.length, refunded: 0, refunding: 0, failed: 0 };
  for (const d of duplicates) {
    if (d.status === 'SUCCEEDED') duplicatePayments.refunded += 1;
    else if (d.status === 'PROCESSING') duplicatePayments.refunding += 1;
    else {
      duplicatePayments.failed += 1;
      add(
        'duplicate',
        `order ${d.orderNo} was paid twice (${d.transactionId ?? '?'}, ${d.amount}): refund ${d.outRefundNo} ${d.status}: ${d.lastError ?? ''}`.trim(),
      );
    }
  }
  for (const r of await deps.checks.currencyMismatches()) {
    add(
      'currency',
      r.what === 'over-refunded'
        ? `order ${r.orderNo} (${r.orderCurrency}) is refunded beyond what was paid`
        : `order ${r.orderNo} is in ${r.orderCurrency} but has a ${r.what} in ${r.currency}`,
    );
  }
  const ledgers = (await deps.checks.moneyByCurrency()).map((l) => ({ ...l, held: l.paidIn - l.refunded }));
  for (const l of ledgers) if (l.held < 0) add('currency', `${l.currency}: ${l.refunded} refunded but only ${l.paidIn} paid in`);
  for (const provider of deps.providers) {
    // A provider that cannot be asked about one trade (Telegram Stars) is checked by the store's own books above.
    if (provider.answersTradeQueries === false) continue;
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
  return { discrepancies: found, duplicatePayments, ledgers };
}
