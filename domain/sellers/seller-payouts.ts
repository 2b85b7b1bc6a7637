import { adminNotice, sellerNotice } from '../messaging';
import { MAX_AMOUNT } from '../shared/limits';
import { minor } from '../shared/money';
import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, positiveInt, text } from '../shared/validation';
import { PayoutStatus, SellerBalance, SellerBooks, SellerLedgerEntry, SellerPayout } from './seller-money';
import { SellersDeps } from './sellers-deps';

export const MAX_LEDGER_PAGE = 100;

export interface BalanceView extends SellerBalance {
  currency: string;
  /** Newest first. */
  ledger: SellerLedgerEntry[];
  /** Pass as `beforeId` for the next (older) page; null at the end. */
  nextBeforeId: number | null;
}

/** A seller's balance with one page of their ledger (two plain reads, no transaction: they decide nothing). */
export async function getSellerBalance(
  deps: Pick<SellersDeps, 'uow' | 'limits'>,
  sellerId: number,
  query: { beforeId?: unknown; limit?: unknown } = {},
): Promise<Result<BalanceView, ValidationError | DomainError<'SELLER_NOT_FOUND'>>> {
  const limit = positiveInt('limit', query.limit ?? 20, MAX_LEDGER_PAGE);
  if (!limit.ok) return limit;
  const beforeId = query.beforeId === undefined ? ok(undefined) : positiveInt('beforeId', query.beforeId, Number.MAX_SAFE_INTEGER);
  if (!beforeId.ok) return beforeId;
  return deps.uow.read(async (r) => {
    const balance = await r.sellerMoney.balance(sellerId);
    if (!balance) return fail('SELLER_NOT_FOUND', `no shop ${sellerId}`);
    const ledger = await r.sellerMoney.ledger(sellerId, { limit: limit.value + 1, ...(beforeId.value !== undefined ? { beforeId: beforeId.value } : {}) });
    const page = ledger.slice(0, limit.value);
    const last = page[page.length - 1];
    return ok({ ...balance, currency: deps.limits.currency, ledger: page, nextBeforeId: ledger.length > limit.value && last ? last.id : null });
  });
}

type PayoutError = ValidationError | DomainError<'SELLER_NOT_FOUND' | 'PAYOUT_NOT_FOUND' | 'PAYOUT_NOT_COVERED'>;

/**
 * A seller asks to be paid `amount` of their balance. The amount leaves the balance at once (a `payout` ledger line
 * under a conditional UPDATE that keeps the balance ≥ 0), so two requests can never together take more than there is;
 * an admin then pays it (with a reference) or cancels it (the amount comes back). Admins hear of it.
 */
export async function requestPayout(deps: SellersDeps, sellerId: number, input: { amount?: unknown }): Promise<Result<SellerPayout, PayoutError>> {
  const amount = positiveInt('amount', input.amount, MAX_AMOUNT);
  if (!amount.ok) return amount;
  return deps.uow.run(async (tx): Promise<Result<SellerPayout, PayoutError>> => {
    const now = deps.clock.now();
    const payout: SellerPayout = {
      id: deps.ids.uuid(),
      sellerId,
      amount: minor(amount.value),
      currency: deps.limits.currency,
      status: 'requested',
      reference: null,
      requestedAt: now,
      settledAt: null,
    };
    await tx.sellerPayouts.insert(payout);
    const posted = await tx.sellerMoney.post(
      {
        sellerId,
        kind: 'payout',
        amount: minor(-amount.value),
        commission: minor(0),
        orderNo: null,
        payoutId: payout.id,
        reference: payout.id,
        createdAt: now,
      },
      { covered: true },
    );
    if (posted.status === 'NOT_COVERED')
      return fail('PAYOUT_NOT_COVERED', `the balance ${posted.balance} does not cover ${amount.value}`, { balance: posted.balance });
    if (posted.status === 'DUPLICATE') throw new Error(`payout ${payout.id} was posted before it existed`);
    await tx.outbox.enqueue([adminNotice({ event: 'PAYOUT_REQUESTED', detail: `shop #${sellerId}: ${amount.value} (${payout.id})` }, payout.id)], now);
    return ok(payout);
  });
}

/**
 * An admin records that a requested payout was paid, with the transfer's reference. One conditional UPDATE
 * (requested → paid, for that seller): a second press, or paying a cancelled one, is PAYOUT_NOT_FOUND and changes nothing.
 */
export async function markPayoutPaid(
  deps: SellersDeps,
  sellerId: number,
  payoutId: string,
  input: { reference?: unknown },
): Promise<Result<SellerPayout, PayoutError>> {
  const reference = text('reference', input.reference, 1, 191);
  if (!reference.ok) return reference;
  return deps.uow.run(async (tx): Promise<Result<SellerPayout, PayoutError>> => {
    const now = deps.clock.now();
    if (!(await tx.sellerPayouts.settle(payoutId, sellerId, 'paid', reference.value, now)))
      return fail('PAYOUT_NOT_FOUND', `no requested payout ${payoutId} of shop ${sellerId}`);
    const payout = await tx.sellerPayouts.findById(payoutId);
    if (!payout) return fail('PAYOUT_NOT_FOUND', `no payout ${payoutId}`);
    await tx.outbox.enqueue([sellerNotice({ sellerId, event: 'PAYOUT_PAID', amount: payout.amount, detail: reference.value }, payoutId)], now);
    return ok(payout);
  });
}

/** An admin cancels a requested payout: requested → cancelled once, and its amount goes back to the balance (an adjustment, once per payout). */
export async function cancelPayout(deps: SellersDeps, sellerId: number, payoutId: string): Promise<Result<SellerPayout, PayoutError>> {
  return deps.uow.run(async (tx): Promise<Result<SellerPayout, PayoutError>> => {
    const now = deps.clock.now();
    if (!(await tx.sellerPayouts.settle(payoutId, sellerId, 'cancelled', null, now)))
      return fail('PAYOUT_NOT_FOUND', `no requested payout ${payoutId} of shop ${sellerId}`);
    const payout = await tx.sellerPayouts.findById(payoutId);
    if (!payout) return fail('PAYOUT_NOT_FOUND', `no payout ${payoutId}`);
    await tx.sellerMoney.post({
      sellerId,
      kind: 'adjustment',
      amount: payout.amount,
      commission: minor(0),
      orderNo: null,
      payoutId,
      reference: `cancelled:${payoutId}`,
      createdAt: now,
    });
    await tx.outbox.enqueue([sellerNotice({ sellerId, event: 'PAYOUT_CANCELLED', amount: payout.amount }, payoutId)], now);
    return ok(payout);
  });
}

const PAYOUT_FILTER: readonly PayoutStatus[] = ['requested', 'paid', 'cancelled'];

export async function listPayouts(
  deps: Pick<SellersDeps, 'uow'>,
  query: PageQuery & { sellerId?: number; status?: unknown },
): Promise<Result<Page<SellerPayout>, ValidationError>> {
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const status = PAYOUT_FILTER.find((s) => s === query.status);
  if (query.status !== undefined && status === undefined) return invalid('status', `must be one of ${PAYOUT_FILTER.join(', ')}`);
  const found = await deps.uow.read((r) =>
    r.sellerPayouts.list({
      offset: window.value.offset,
      limit: window.value.limit,
      ...(query.sellerId !== undefined ? { sellerId: query.sellerId } : {}),
      ...(status ? { status } : {}),
    }),
  );
  return ok(pageOf(window.value, found));
}

/** The seller books as reconcile checks them: Σ ledger = balance per shop, each payout's lines, the platform-wide sums. */
export const sellerBooks = (deps: Pick<SellersDeps, 'uow'>, limit = 100): Promise<SellerBooks> => deps.uow.read((r) => r.sellerMoney.books(limit));

/** Shops that owe the platform (a refund taken back after their money was paid out), most owed first: for admins. */
export const listSellerDebts = (deps: Pick<SellersDeps, 'uow'>, limit = 50): Promise<SellerBalance[]> => deps.uow.read((r) => r.sellerMoney.debts(limit));
