import { Result, ok } from '../shared/result';
import { ValidationError, invalid, nonNegativeInt, positiveInt, text } from '../shared/validation';

export const CATEGORY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
/** Deep enough for games/keys/steam; a deeper tree is a search problem, not a menu. */
export const MAX_CATEGORY_DEPTH = 4;
export const MAX_CATEGORY_POSITION = 1_000_000;

/** What an admin sends; every field optional here so an update can use the same checks. */
export interface CategoryInput {
  parentId?: unknown;
  slug?: unknown;
  name?: unknown;
  position?: unknown;
}

export interface CategoryDraft {
  parentId: number | null;
  slug: string;
  name: string;
  position: number;
}

export function validateCategoryDraft(input: CategoryInput): Result<CategoryDraft, ValidationError> {
  if (typeof input.slug !== 'string' || !CATEGORY_SLUG_PATTERN.test(input.slug)) {
    return invalid('slug', 'must be 1–48 of a-z 0-9 - starting with a letter or digit');
  }
  const name = text('name', input.name, 1, 80);
  if (!name.ok) return name;
  let parentId: number | null = null;
  if (input.parentId !== undefined && input.parentId !== null) {
    const parent = positiveInt('parentId', input.parentId, Number.MAX_SAFE_INTEGER);
    if (!parent.ok) return parent;
    parentId = parent.value;
  }
  const position = input.position === undefined ? ok(0) : nonNegativeInt('position', input.position, MAX_CATEGORY_POSITION);
  if (!position.ok) return position;
  return ok({ parentId, slug: input.slug, name: name.value, position: position.value });
}

/** A category path given by a door (`games/keys`): the slugs, checked, or null when it cannot name a category. */
export function parseCategoryPath(path: string): string | null {
  const slugs = path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .split('/');
  if (slugs.length > MAX_CATEGORY_DEPTH || !slugs.every((s) => CATEGORY_SLUG_PATTERN.test(s))) return null;
  return slugs.join('/');
}
