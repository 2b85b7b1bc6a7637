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

export const categorySchema = {
  type: 'object',
  required: ['id', 'parentId', 'slug', 'path', 'position', 'name'],
  properties: {
    id: { type: 'integer' },
    parentId: { type: ['integer', 'null'] },
    slug: { type: 'string' },
    path: { type: 'string' },
    position: { type: 'integer' },
    name: { type: 'string' },
  },
} as const;

export const categoryListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { ...categorySchema, required: [...categorySchema.required, 'depth'], properties: { ...categorySchema.properties, depth: { type: 'integer' } } },
    },
  },
} as const;
