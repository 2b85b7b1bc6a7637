import { Product, onShelf } from '../catalog';
import { Minor, sumMinor, timesMinor } from '../shared/money';
import { OrderingDeps } from './ordering-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, positiveInt } from '../shared/validation';

export interface CartItemView {
  product: Product;
  quantity: number;
  lineTotal: Minor;
  /** False when the product was hidden or sold out since it was added: checkout will refuse it. */
  available: boolean;
}

export interface CartView {
  items: CartItemView[];
  total: Minor;
  currency: string;
}

type CartError = ValidationError | DomainError<'PRODUCT_NOT_FOUND' | 'OUT_OF_STOCK' | 'CART_FULL'>;

export async function viewCart(deps: OrderingDeps, shopperId: string): Promise<CartView> {
  return deps.uow.run(async (tx) => {
    const lines = await tx.carts.list(shopperId);
    const products = new Map((await tx.products.findManyByIds(lines.map((l) => l.productId))).map((p) => [p.id, p]));
    const items: CartItemView[] = [];
    for (const line of lines) {
      const product = products.get(line.productId);
      if (!product) continue;
      const available = onShelf(product) && (product.stock === null || product.stock >= line.quantity);
      items.push({ product, quantity: line.quantity, lineTotal: timesMinor(product.price.amount, line.quantity), available });
    }
    const total = sumMinor(items.map((i) => i.lineTotal));
    return { items, total, currency: deps.limits.currency };
  });
}

/** Adds `quantity` to the line (creating it), or sets it outright when `mode` is 'set'. */
export async function putInCart(
  deps: OrderingDeps,
  shopperId: string,
  productId: unknown,
  quantity: unknown,
  mode: 'add' | 'set',
): Promise<Result<CartView, CartError>> {
  const id = positiveInt('productId', productId, Number.MAX_SAFE_INTEGER);
  if (!id.ok) return id;
  const qty = positiveInt('quantity', quantity, deps.limits.maxLineQuantity);
  if (!qty.ok) return qty;
  const changed = await deps.uow.run(async (tx): Promise<Result<true, CartError>> => {
    const product = await tx.products.findById(id.value);
    if (!product || !onShelf(product)) return fail('PRODUCT_NOT_FOUND', `no product ${id.value}`);
    const lines = await tx.carts.list(shopperId);
    const existing = lines.find((l) => l.productId === id.value);
    if (!existing && lines.length >= deps.limits.maxOrderLines)
      return fail('CART_FULL', `a cart holds at most ${deps.limits.maxOrderLines} different products`);
    const wanted = mode === 'add' ? (existing?.quantity ?? 0) + qty.value : qty.value;
    if (wanted > deps.limits.maxLineQuantity)
      return fail('VALIDATION_FAILED', `quantity: at most ${deps.limits.maxLineQuantity} of one product`, { field: 'quantity' });
    if (product.stock !== null && product.stock < wanted)
      return fail('OUT_OF_STOCK', `only ${product.stock} of ${product.title} left`, { productId: product.id, available: product.stock });
    await tx.carts.setQuantity(shopperId, id.value, wanted, deps.clock.now());
    return ok(true);
  });
  if (!changed.ok) return changed;
  return ok(await viewCart(deps, shopperId));
}

export async function removeFromCart(deps: OrderingDeps, shopperId: string, productId: number): Promise<Result<CartView, DomainError<'PRODUCT_NOT_FOUND'>>> {
  const removed = await deps.uow.run((tx) => tx.carts.remove(shopperId, productId));
  if (!removed) return fail('PRODUCT_NOT_FOUND', `product ${productId} is not in the cart`);
  return ok(await viewCart(deps, shopperId));
}

export async function clearCart(deps: OrderingDeps, shopperId: string): Promise<CartView> {
  await deps.uow.run((tx) => tx.carts.clear(shopperId));
  return viewCart(deps, shopperId);
}
