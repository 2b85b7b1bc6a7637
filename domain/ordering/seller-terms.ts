import { confirmWindowMinutesOf } from '../sellers';
import { OrderingTx } from './ordering-deps';
import { ShopLimits } from '../shared/limits';

/** What a checkout needs to know of each seller it buys from. */
export interface CheckoutSellerTerms {
  active: boolean;
  autoConfirm: boolean;
  /** The seller's own window or the platform's default. */
  confirmWindowMinutes: number;
}

/** The sellers of a checkout (a handful: one read each, inside the placement's transaction). */
export async function sellerTermsOf(
  tx: OrderingTx,
  sellerIds: readonly number[],
  limits: Pick<ShopLimits, 'sellerConfirmWindowMinutes'>,
): Promise<Map<number, CheckoutSellerTerms>> {
  const terms = new Map<number, CheckoutSellerTerms>();
  for (const id of sellerIds) {
    const seller = await tx.sellers.findById(id);
    if (seller)
      terms.set(id, { active: seller.status === 'active', autoConfirm: seller.autoConfirm, confirmWindowMinutes: confirmWindowMinutesOf(seller, limits) });
  }
  return terms;
}
