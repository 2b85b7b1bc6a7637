import { Category, CategoryNode } from '../../../domain/catalog';

export const presentCategory = (c: Category) => ({
  id: c.id,
  parentId: c.parentId,
  slug: c.slug,
  path: c.path,
  position: c.position,
  name: c.name,
});

export const presentCategoryNode = (c: CategoryNode) => ({ ...presentCategory(c), depth: c.depth });
