import { Product, ProductDraft } from '../product';
import { CatalogTx } from '../catalog-deps';
import { ImportedProduct, RowProblem } from './imported-product';

type Patch = Partial<Omit<ProductDraft, 'stock'>>;

export interface PlannedUpdate {
  row: ImportedProduct;
  current: Product;
  patch: Patch | null;
  /** The new stock counter; undefined: keep it. */
  stock?: number | null;
}

/** What one batch does to the catalog, decided against the products stored under its SKUs. */
export interface BatchPlan {
  creates: ImportedProduct[];
  updates: PlannedUpdate[];
  unchanged: number;
  problems: RowProblem[];
}

/** The fields the file changes on a stored product; null when it matches. */
function patchOf(current: Product, next: ProductDraft): Patch | null {
  const patch: Patch = {};
  if (current.title !== next.title) patch.title = next.title;
  if (current.description !== next.description) patch.description = next.description;
  if (current.price.amount !== next.price.amount || current.price.currency !== next.price.currency) patch.price = next.price;
  if (current.visible !== next.visible) patch.visible = next.visible;
  if (current.creditAmount !== next.creditAmount) patch.creditAmount = next.creditAmount;
  if (current.webhookUrl !== next.webhookUrl) patch.webhookUrl = next.webhookUrl;
  if (current.photoUrl !== next.photoUrl) patch.photoUrl = next.photoUrl;
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * Matches the batch's rows to stored products by SKU (one read). A stored product of another kind is a problem: its
 * kind cannot change. A code product's stock follows its pool, so the file never sets it.
 */
export async function planBatch(tx: CatalogTx, rows: readonly ImportedProduct[]): Promise<BatchPlan> {
  const stored = new Map((await tx.products.findManyBySkus(rows.map((r) => r.draft.sku))).map((p) => [p.sku, p]));
  const plan: BatchPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  for (const row of rows) {
    const current = stored.get(row.draft.sku);
    if (!current) {
      plan.creates.push(row);
      continue;
    }
    if (current.kind !== row.draft.kind) {
      plan.problems.push({ line: row.line, field: 'kind', reason: `product ${row.draft.sku} is already a ${current.kind} product; a kind cannot change` });
      continue;
    }
    const patch = patchOf(current, row.draft);
    const stock = row.draft.kind !== 'code' && current.stock !== row.draft.stock ? row.draft.stock : undefined;
    if (patch === null && stock === undefined && row.codes.length === 0) plan.unchanged += 1;
    else plan.updates.push({ row, current, patch, stock });
  }
  return plan;
}
