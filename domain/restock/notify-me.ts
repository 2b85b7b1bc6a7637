import { onShelf } from '../catalog';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, positiveInt } from '../shared/validation';
import { RestockDeps } from './restock-deps';

export type NotifyMeError = ValidationError | DomainError<'PRODUCT_NOT_FOUND' | 'PRODUCT_IN_STOCK'>;

/** "Notify me": the shopper is told once when the sold-out product is back. Asking again while waiting changes nothing. */
export async function notifyMe(deps: RestockDeps, userId: string, productId: unknown): Promise<Result<{ productId: number; waiting: true }, NotifyMeError>> {
  const id = positiveInt('productId', productId, Number.MAX_SAFE_INTEGER);
  if (!id.ok) return id;
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const product = await tx.products.findById(id.value);
    if (!product || !onShelf(product)) return fail('PRODUCT_NOT_FOUND', `no product ${id.value}`);
    if (product.stock !== 0) return fail('PRODUCT_IN_STOCK', `product ${id.value} is in stock: buy it now`);
    await tx.restockAlerts.subscribe(id.value, userId, now);
    return ok({ productId: id.value, waiting: true as const });
  });
}

/** The shopper no longer wants to hear about it. */
export async function cancelNotifyMe(
  deps: RestockDeps,
  userId: string,
  productId: unknown,
): Promise<Result<{ productId: number; waiting: false }, ValidationError>> {
  const id = positiveInt('productId', productId, Number.MAX_SAFE_INTEGER);
  if (!id.ok) return id;
  await deps.uow.run((tx) => tx.restockAlerts.unsubscribe(id.value, userId));
  return ok({ productId: id.value, waiting: false as const });
}

/** Whether the shopper waits for the product (the card shows "notify me" or "you will be told"). */
export const isWaiting = (deps: RestockDeps, userId: string, productId: number): Promise<boolean> =>
  deps.uow.read((r) => r.restockAlerts.isWaiting(productId, userId));
