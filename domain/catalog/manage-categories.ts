import { CatalogDeps, CatalogTx } from './catalog-deps';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { Category, CategoryFields, CategoryNode, treeOrder } from './category';
import { CategoryDraft, CategoryInput, MAX_CATEGORY_DEPTH, validateCategoryDraft } from './category-draft';

type CategoryError = ValidationError | DomainError<'CATEGORY_NOT_FOUND' | 'DUPLICATE_CATEGORY'>;

/** The whole tree, parents before their children. */
export function listCategories(deps: CatalogDeps): Promise<CategoryNode[]> {
  return deps.uow.read(async (tx) => treeOrder(await tx.categories.list()));
}

export async function createCategory(deps: CatalogDeps, input: CategoryInput): Promise<Result<Category, CategoryError>> {
  const draft = validateCategoryDraft(input);
  if (!draft.ok) return draft;
  const now = deps.clock.now();
  return deps.uow.run(async (tx): Promise<Result<Category, CategoryError>> => {
    const placed = await placeInTree(tx, draft.value, null);
    if (!placed.ok) return placed;
    const created = await tx.categories.insert(placed.value, now);
    if (created === 'DUPLICATE_PATH') return duplicate(placed.value.path);
    return ok(created);
  });
}

/**
 * Renames, reorders or moves a category. A move or a new slug rewrites the paths of everything below it in the same
 * transaction, so no reader sees a child whose path names a parent that is no longer there.
 */
export async function updateCategory(deps: CatalogDeps, id: number, input: CategoryInput): Promise<Result<Category, CategoryError>> {
  const now = deps.clock.now();
  return deps.uow.run(async (tx): Promise<Result<Category, CategoryError>> => {
    const current = await tx.categories.findById(id);
    if (!current) return fail('CATEGORY_NOT_FOUND', `no category ${id}`);
    const draft = validateCategoryDraft({
      parentId: input.parentId === undefined ? current.parentId : input.parentId,
      slug: input.slug ?? current.slug,
      name: input.name ?? current.name,
      position: input.position ?? current.position,
    });
    if (!draft.ok) return draft;
    const placed = await placeInTree(tx, draft.value, current);
    if (!placed.ok) return placed;
    const updated = await tx.categories.update(id, placed.value, now);
    if (updated === 'DUPLICATE_PATH') return duplicate(placed.value.path);
    if (!updated) return fail('CATEGORY_NOT_FOUND', `no category ${id}`);
    if (placed.value.path !== current.path) await tx.categories.renamePathPrefix(current.path, placed.value.path, now);
    return ok({ ...current, ...placed.value, updatedAt: now });
  });
}

/** Works out the path under the parent; a category cannot move below itself, nor grow the tree past its depth. */
async function placeInTree(tx: CatalogTx, draft: CategoryDraft, self: Category | null): Promise<Result<CategoryFields, CategoryError>> {
  if (draft.parentId === null) return ok({ ...draft, path: draft.slug });
  const parent = await tx.categories.findById(draft.parentId);
  if (!parent) return fail('CATEGORY_NOT_FOUND', `no parent category ${draft.parentId}`);
  if (self && (parent.id === self.id || parent.path.startsWith(`${self.path}/`))) {
    return invalid('parentId', 'a category cannot move below itself');
  }
  const path = `${parent.path}/${draft.slug}`;
  const below = self ? await deepestBelow(tx, self) : 0;
  if (path.split('/').length + below > MAX_CATEGORY_DEPTH) return invalid('parentId', `categories nest at most ${MAX_CATEGORY_DEPTH} deep`);
  return ok({ ...draft, path });
}

/** How many levels hang below a category (0 for a leaf). */
async function deepestBelow(tx: CatalogTx, self: Category): Promise<number> {
  const depth = self.path.split('/').length;
  const all = await tx.categories.list();
  return all.filter((c) => c.path.startsWith(`${self.path}/`)).reduce((max, c) => Math.max(max, c.path.split('/').length - depth), 0);
}

const duplicate = (path: string) => fail('DUPLICATE_CATEGORY', `a category ${path} already exists`, { path });
