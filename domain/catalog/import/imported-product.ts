import { ProductText } from '../product-texts';
import { ProductDraft } from '../product';

/** One valid row of an import file: the product as it should be after the import. */
export interface ImportedProduct {
  line: number;
  draft: ProductDraft;
  /** The category's path of slugs from the root (`games/keys`), made when missing; null: no category. */
  category: string | null;
  texts: ProductText[];
  /** Codes for a `code` product's pool; the ones already in it are skipped. */
  codes: string[];
  /** False when the file has no `stars_price` column: a stored product keeps its Stars price (the column is optional). */
  setsStarsPrice?: boolean;
}

/** Why a row cannot be imported: the line it starts on, the column, and a sentence the shop owner can act on. */
export interface RowProblem {
  line: number;
  field: string;
  reason: string;
}
