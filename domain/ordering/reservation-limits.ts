import { ShopLimits } from '../shared/limits';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ShopperReservations } from './order-repository';

export type ReservationLimitError = DomainError<'TOO_MANY_UNPAID_ORDERS' | 'RESERVATION_LIMIT' | 'CANCEL_COOLDOWN'>;

/**
 * Hoarding made useless: one shopper may hold at most `maxReservedPerProduct` units of a product and
 * `maxReservedUnits` in all across unpaid orders, and units they just released by cancelling still count against
 * those caps for `cancelCooldownMs` — so cancel-and-reserve-again gains nothing, while someone who cancels to
 * change a quantity within the caps is not held up.
 */
export function checkReservationLimits(
  mine: ShopperReservations,
  items: ReadonlyArray<{ productId: number; quantity: number }>,
  limits: Pick<ShopLimits, 'maxUnpaidOrders' | 'maxReservedPerProduct' | 'maxReservedUnits' | 'cancelCooldownMs'>,
  now: Date,
): Result<void, ReservationLimitError> {
  if (mine.unpaidOrders >= limits.maxUnpaidOrders) {
    return fail('TOO_MANY_UNPAID_ORDERS', `you already have ${limits.maxUnpaidOrders} unpaid orders: pay or cancel one first`);
  }
  const retryAfterSeconds =
    mine.lastReleasedAt === null ? 0 : Math.max(1, Math.ceil((mine.lastReleasedAt.getTime() + limits.cancelCooldownMs - now.getTime()) / 1000));
  // Over the cap with what is held: a hard no. Over it only with what was released: wait out the cool-down.
  const check = (held: number, released: number, limit: number, what: string, scope: Record<string, number>) => {
    if (held > limit) return fail('RESERVATION_LIMIT', `at most ${limit} ${what} may wait for payment per shopper (${held} asked)`, { ...scope, limit });
    if (held + released > limit) {
      return fail('CANCEL_COOLDOWN', `at most ${limit} ${what} per shopper, and units you released count for ${retryAfterSeconds} s more`, {
        ...scope,
        limit,
        retryAfterSeconds,
      });
    }
    return null;
  };
  for (const item of items) {
    const mineOf = mine.products.find((p) => p.productId === item.productId);
    const refused = check((mineOf?.held ?? 0) + item.quantity, mineOf?.released ?? 0, limits.maxReservedPerProduct, `of product ${item.productId}`, {
      productId: item.productId,
    });
    if (refused) return refused;
  }
  const sum = (f: (x: { held: number; released: number }) => number) => mine.products.reduce((n, p) => n + f(p), 0);
  const asked = items.reduce((n, i) => n + i.quantity, 0);
  const refused = check(
    sum((p) => p.held) + asked,
    sum((p) => p.released),
    limits.maxReservedUnits,
    'units',
    {},
  );
  if (refused) return refused;
  return ok(undefined);
}
