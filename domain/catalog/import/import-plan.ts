import { CatalogTx } from '../catalog-deps';
import { Product, ProductDraft, ProductPatch } from '../product';
import { ProductText, groupTexts, sameTexts } from '../product-texts';
import { ImportedProduct, RowProblem } from './imported-product';

type Patch = ProductPatch;

export interface PlannedUpdate {
  row: ImportedProduct;
  current: Product;
  patch: Patch | null;
  /** The new stock counter; undefined: keep it. */
  stock?: number | null;
  /** The product's texts in other languages; null: keep them. */
  texts: ProductText[] | null;
}

/** What one batch does to the catalog, decided against the products stored under its SKUs. */
export interface BatchPlan {
  creates: ImportedProduct[];
  updates: PlannedUpdate[];
  unchanged: number;
  problems: RowProblem[];
}

/** A category path the shop does not have yet: the import makes it, so any product put in it changes. */
const NOT_YET_MADE = -1;

/** The fields the file changes on a stored product; null when it matches. */
function patchOf(current: Product, next: ProductDraft, setsStarsPrice: boolean): Patch | null {
  const patch: Patch = {};
  if (current.title !== next.title) patch.title = next.title;
  if (current.description !== next.description) patch.description = next.description;
  if (current.price.amount !== next.price.amount || current.price.currency !== next.price.currency) patch.price = next.price;
  if (current.visible !== next.visible) patch.visible = next.visible;
  if (current.creditAmount !== next.creditAmount) patch.creditAmount = next.creditAmount;
  if (current.webhookUrl !== next.webhookUrl) patch.webhookUrl = next.webhookUrl;
  if (setsStarsPrice && current.starsPrice !== next.starsPrice) patch.starsPrice = next.starsPrice;
  if (current.photoUrl !== next.photoUrl) patch.photoUrl = next.photoUrl;
  if (current.categoryId !== next.categoryId) patch.categoryId = next.categoryId;
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * Matches the batch's rows to stored products by SKU (one read, plus one for their texts). A stored product of another
 * kind is a problem: its kind cannot change. A code product's stock follows its pool, so the file never sets it. A
 * row without any `title_<lang>` leaves the product's other-language texts as they are; a row with some replaces them.
 * `categories` maps the paths the shop has to their ids (the write pass makes the missing ones first).
 */
export async function planBatch(tx: CatalogTx, rows: readonly ImportedProduct[], categories: ReadonlyMap<string, number>): Promise<BatchPlan> {
  // A file's rows are one shop's (validateImportRow set the job's seller on every draft): SKUs match within it.
  const sellerId = rows[0]?.draft.sellerId;
  const stored = new Map(
    (
      await tx.products.findManyBySkus(
        rows.map((r) => r.draft.sku),
        sellerId,
      )
    ).map((p) => [p.sku, p]),
  );
  const storedTexts = groupTexts(await tx.texts.forProducts([...stored.values()].map((p) => p.id)));
  const plan: BatchPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  for (const row of rows) {
    const draft = { ...row.draft, categoryId: row.category === null ? null : (categories.get(row.category) ?? NOT_YET_MADE) };
    const planned = { ...row, draft };
    const current = stored.get(row.draft.sku);
    if (!current) {
      plan.creates.push(planned);
      continue;
    }
    if (current.kind !== row.draft.kind) {
      plan.problems.push({ line: row.line, field: 'kind', reason: `product ${row.draft.sku} is already a ${current.kind} product; a kind cannot change` });
      continue;
    }
    const patch = patchOf(current, draft, row.setsStarsPrice !== false);
    const stock = row.draft.kind !== 'code' && current.stock !== row.draft.stock ? row.draft.stock : undefined;
    const texts = row.texts.length > 0 && !sameTexts(storedTexts.get(current.id) ?? [], row.texts) ? row.texts : null;
    if (patch === null && stock === undefined && texts === null && row.codes.length === 0) plan.unchanged += 1;
    else plan.updates.push({ row: planned, current, patch, stock, texts });
  }
  return plan;
}

/** Makes every category path the rows name that the shop lacks (each level; its name is its slug until renamed). */
export async function ensureCategories(tx: CatalogTx, rows: readonly ImportedProduct[], now: Date): Promise<Map<string, number>> {
  const known = new Map((await tx.categories.list()).map((c) => [c.path, c.id]));
  for (const path of new Set(rows.flatMap((r) => (r.category === null ? [] : [r.category])))) {
    const slugs = path.split('/');
    for (let depth = 1; depth <= slugs.length; depth += 1) {
      const prefix = slugs.slice(0, depth).join('/');
      if (known.has(prefix)) continue;
      const parentId = depth === 1 ? null : (known.get(slugs.slice(0, depth - 1).join('/')) ?? null);
      const slug = slugs[depth - 1] ?? prefix;
      const made = await tx.categories.insert({ parentId, slug, path: prefix, position: 0, name: slug }, now);
      // Another import or an admin made it a moment ago: use theirs.
      const id = made === 'DUPLICATE_PATH' ? (await tx.categories.findByPath(prefix))?.id : made.id;
      if (id === undefined) throw new Error(`category ${prefix} is neither new nor stored`);
      known.set(prefix, id);
    }
  }
  return known;
}
