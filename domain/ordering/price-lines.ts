import { MAX_STARS, Product, onShelf } from '../catalog';
import { OrderingTx } from './ordering-deps';
import { ShopLimits } from '../shared/limits';
import { Minor, ZERO, sumMinor, timesMinor } from '../shared/money';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, positiveInt } from '../shared/validation';
import { OrderLine, PaymentExceptions, PaymentMethod } from './order-types';

export interface RequestedItem {
  productId: number;
  quantity: number;
}

/** Checks the shape of the asked-for items and merges repeats of one product. */
export function normaliseItems(items: unknown, limits: ShopLimits): Result<RequestedItem[], ValidationError> {
  if (!Array.isArray(items) || items.length === 0) return invalid('items', 'must list at least one item');
  if (items.length > limits.maxOrderLines) return invalid('items', `at most ${limits.maxOrderLines} lines per order`);
  const merged = new Map<number, number>();
  for (const [i, raw] of items.entries()) {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as { productId?: unknown; quantity?: unknown };
    const id = positiveInt(`items[${i}].productId`, item.productId, Number.MAX_SAFE_INTEGER);
    if (!id.ok) return id;
    const qty = positiveInt(`items[${i}].quantity`, item.quantity, limits.maxLineQuantity);
    if (!qty.ok) return qty;
    merged.set(id.value, (merged.get(id.value) ?? 0) + qty.value);
  }
  for (const [productId, quantity] of merged) {
    if (quantity > limits.maxLineQuantity) return invalid('items', `at most ${limits.maxLineQuantity} of product ${productId}`);
  }
  return ok([...merged].map(([productId, quantity]) => ({ productId, quantity })).sort((a, b) => a.productId - b.productId));
}

type PricingError = DomainError<'PRODUCT_NOT_FOUND' | 'PAYMENT_METHOD_NOT_ALLOWED'>;

/**
 * Turns items into priced line snapshots, refusing unknown or hidden products, credit packs bought with credit, and
 * a product the shop sells only by other methods (its payment exceptions, by SKU). Paid by Stars, a line is priced at
 * the product's Stars price (a product without one is not sold so), and the whole order must fit one Telegram invoice.
 */
export async function priceLines(
  tx: OrderingTx,
  items: RequestedItem[],
  paymentMethod: PaymentMethod,
  exceptions: PaymentExceptions = {},
): Promise<Result<OrderLine[], PricingError>> {
  const priced = await priceLinesOfSellers(tx, items, paymentMethod, exceptions);
  return priced.ok ? ok(priced.value.map((p) => p.line)) : priced;
}

/** `priceLines`, each line with the seller of its product (a checkout groups them into one order per seller). */
export async function priceLinesOfSellers(
  tx: Pick<OrderingTx, 'products'>,
  items: RequestedItem[],
  paymentMethod: PaymentMethod,
  exceptions: PaymentExceptions = {},
): Promise<Result<Array<{ line: OrderLine; sellerId: number; categoryId: number | null }>, PricingError>> {
  const products = new Map<number, Product>((await tx.products.findManyByIds(items.map((i) => i.productId))).map((p) => [p.id, p]));
  const lines: Array<{ line: OrderLine; sellerId: number; categoryId: number | null }> = [];
  for (const [index, item] of items.entries()) {
    const product = products.get(item.productId);
    if (!product || !onShelf(product)) return fail('PRODUCT_NOT_FOUND', `no product ${item.productId}`, { productId: item.productId });
    if (product.kind === 'credit' && paymentMethod === 'credit') {
      return fail('PAYMENT_METHOD_NOT_ALLOWED', `${product.title} is a credit pack: pay for it by QR code, not with credit`);
    }
    const only = Object.hasOwn(exceptions, product.sku) ? exceptions[product.sku] : undefined;
    if (only !== undefined && !only.includes(paymentMethod)) {
      return fail('PAYMENT_METHOD_NOT_ALLOWED', `${product.title} is paid only by ${only.join(' or ')}, not ${paymentMethod}`);
    }
    const unitPrice: Minor | null = paymentMethod === 'stars' ? product.starsPrice : product.price.amount;
    if (unitPrice === null) return fail('PAYMENT_METHOD_NOT_ALLOWED', `${product.title} is not sold for Telegram Stars`);
    lines.push({
      sellerId: product.sellerId,
      categoryId: product.categoryId,
      line: {
        lineNo: index + 1,
        productId: product.id,
        sku: product.sku,
        title: product.title,
        kind: product.kind,
        unitPrice,
        quantity: item.quantity,
        lineTotal: timesMinor(unitPrice, item.quantity),
        discount: ZERO,
        creditAmount: product.creditAmount,
        webhookUrl: product.webhookUrl,
      },
    });
  }
  if (paymentMethod === 'stars' && sumMinor(lines.map((l) => l.line.lineTotal)) > MAX_STARS)
    return fail('PAYMENT_METHOD_NOT_ALLOWED', `one Telegram Stars invoice holds at most ${MAX_STARS} stars: buy fewer at a time`);
  return ok(lines);
}
