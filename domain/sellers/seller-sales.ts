import { sellerNotice } from '../messaging';
import { ShopLimits } from '../shared/limits';
import { minor } from '../shared/money';
import { SellersTx } from './sellers-deps';
import { commissionBpsOf, commissionOf } from './seller';

export interface SaleCredit {
  sellerId: number;
  orderNo: string;
  /** What the shopper paid for this seller's order (its lines and delivery fee). */
  grossMinor: number;
  currency: string;
  /** When (the caller's clock): the ledger line's time. */
  at: Date;
}

export interface RefundClawback {
  sellerId: number;
  orderNo: string;
  /** How much of the order's money went back to the shopper (taken back from the seller in proportion, see below). */
  refundMinor: number;
  /** Names the refund, so each refund of one order is taken back once; the order number when left out (once per order). */
  refundRef?: string;
  at: Date;
}

type Tx = Pick<SellersTx, 'sellers' | 'sellerMoney' | 'outbox'>;

/**
 * Credits a completed seller order: gross − commission, once. Called by other contexts inside THEIR transaction (the
 * one completing the order), so the credit commits or rolls back with it. False when this order was credited already
 * (nothing changed). The commission is the seller's at this moment (the platform default unless set) and is kept on
 * the ledger line, so a later change of terms never rewrites history.
 */
export async function creditSale(tx: Tx, sale: SaleCredit, limits: Pick<ShopLimits, 'sellerCommissionBps'>): Promise<boolean> {
  checkAmount(sale.grossMinor, 'grossMinor');
  const seller = await tx.sellers.findById(sale.sellerId);
  if (!seller) throw new Error(`no seller ${sale.sellerId} to credit order ${sale.orderNo} to`);
  const commission = commissionOf(sale.grossMinor, commissionBpsOf(seller, limits));
  const outcome = await tx.sellerMoney.post({
    sellerId: sale.sellerId,
    kind: 'sale',
    amount: minor(sale.grossMinor - commission),
    commission: minor(commission),
    orderNo: sale.orderNo,
    payoutId: null,
    reference: sale.orderNo,
    createdAt: sale.at,
  });
  if (outcome.status !== 'POSTED') return false;
  // The seller hears what reached their balance, after the commit that put it there (once: the ledger's key above).
  await tx.outbox.enqueue(
    [sellerNotice({ sellerId: sale.sellerId, event: 'SALE_CREDITED', orderNo: sale.orderNo, amount: minor(sale.grossMinor - commission) }, sale.orderNo)],
    sale.at,
  );
  return true;
}

/**
 * Takes a refund after completion back from the seller: the refund's share of what the sale credited (so the
 * commission kept on that part goes back too), once per refund. May leave the balance negative: a debt the seller
 * owes, shown to admins. False when already taken back, or when the order was never credited (nothing to take back:
 * the money was still held, and the refund came out of that).
 */
export async function clawBackRefund(tx: Tx, clawback: RefundClawback): Promise<boolean> {
  checkAmount(clawback.refundMinor, 'refundMinor');
  const sale = await tx.sellerMoney.saleOf(clawback.sellerId, clawback.orderNo);
  if (!sale) return false;
  const gross = sale.amount + sale.commission;
  const refunded = Math.min(clawback.refundMinor, gross);
  // The commission share rounds down, so the seller gives back at least the net share (never more than refunded).
  const commissionBack = gross === 0 ? 0 : Math.floor((sale.commission * refunded) / gross);
  const outcome = await tx.sellerMoney.post({
    sellerId: clawback.sellerId,
    kind: 'refund_clawback',
    amount: minor(-(refunded - commissionBack)),
    commission: minor(-commissionBack),
    orderNo: clawback.orderNo,
    payoutId: null,
    reference: clawback.refundRef ?? clawback.orderNo,
    createdAt: clawback.at,
  });
  if (outcome.status !== 'POSTED') return false;
  await tx.outbox.enqueue(
    [
      sellerNotice(
        { sellerId: clawback.sellerId, event: 'REFUND_CLAWED_BACK', orderNo: clawback.orderNo, amount: minor(refunded - commissionBack) },
        `${clawback.orderNo}:${clawback.refundRef ?? ''}`,
      ),
    ],
    clawback.at,
  );
  return true;
}

function checkAmount(amount: number, field: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${field} must be a non-negative integer, got ${amount}`);
}
