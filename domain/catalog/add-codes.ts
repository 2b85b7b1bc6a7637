import { ProductOwner, ownedBy } from './product';
import { CatalogDeps } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { stockBackOf } from './stock-back';

export const MAX_CODES_PER_UPLOAD = 10_000;
export const MAX_CODE_LENGTH = 255;

export interface CodesAdded {
  added: number;
  duplicates: number;
  stock: number;
}

/** Splits an uploaded text (one code per line) into codes; blank lines and surrounding spaces are dropped. */
export function codesFromText(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Adds codes to a code product's pool; its stock grows by the number actually added (duplicates skipped). */
export async function addCodes(
  deps: CatalogDeps,
  productId: number,
  codes: unknown,
  owner?: ProductOwner,
): Promise<Result<CodesAdded, ValidationError | DomainError<'PRODUCT_NOT_FOUND' | 'NOT_A_CODE_PRODUCT'>>> {
  if (!Array.isArray(codes) || codes.length === 0) return invalid('codes', 'must be a non-empty list of strings');
  if (codes.length > MAX_CODES_PER_UPLOAD) return invalid('codes', `at most ${MAX_CODES_PER_UPLOAD} codes per upload`);
  const cleaned: string[] = [];
  for (const [i, c] of codes.entries()) {
    if (typeof c !== 'string' || c.trim() === '') return invalid(`codes[${i}]`, 'must be a non-empty string');
    if (c.trim().length > MAX_CODE_LENGTH) return invalid(`codes[${i}]`, `must be at most ${MAX_CODE_LENGTH} characters`);
    cleaned.push(c.trim());
  }
  const unique = [...new Set(cleaned)];
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const product = await tx.products.findById(productId);
    if (!product || !ownedBy(product, owner)) return fail('PRODUCT_NOT_FOUND', `no product ${productId}`);
    if (product.kind !== 'code') return fail('NOT_A_CODE_PRODUCT', `product ${productId} is a ${product.kind} product, not a code product`);
    // The new codes and the raised counter commit together; a reservation holding the product row lock sees neither
    // until then, so stock never counts a code that is not there.
    const { added, duplicates } = await tx.codes.add(productId, unique, now);
    await tx.products.releaseStock(productId, added);
    const stock = await tx.codes.countAvailable(productId);
    // Sold out → available again: the restock alerts go out after the commit.
    if (product.stock === 0 && added > 0) await tx.outbox.enqueue([stockBackOf(productId, now, stock)], now);
    return ok({ added, duplicates: duplicates + (cleaned.length - unique.length), stock });
  });
}
