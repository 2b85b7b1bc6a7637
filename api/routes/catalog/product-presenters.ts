import { PRODUCT_KINDS, Product } from '../../../domain/catalog';

export const presentProduct = (p: Product) => ({
  id: p.id,
  sku: p.sku,
  title: p.title,
  description: p.description,
  kind: p.kind,
  price: { amount: p.price.amount, currency: p.price.currency },
  stock: p.stock,
  visible: p.visible,
  ...(p.kind === 'credit' ? { creditAmount: p.creditAmount } : {}),
  ...(p.photoUrl ? { photoUrl: p.photoUrl } : {}),
  ...(p.categoryId !== null ? { categoryId: p.categoryId } : {}),
});

/** Admins also see where a webhook product is fulfilled. */
export const presentProductForAdmin = (p: Product) => ({
  ...presentProduct(p),
  webhookUrl: p.webhookUrl,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const productSchema = {
  type: 'object',
  required: ['id', 'sku', 'title', 'description', 'kind', 'price', 'stock', 'visible'],
  properties: {
    id: { type: 'integer' },
    sku: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    kind: { type: 'string', enum: [...PRODUCT_KINDS] },
    price: { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
    stock: { type: ['integer', 'null'] },
    visible: { type: 'boolean' },
    creditAmount: { type: ['integer', 'null'] },
    photoUrl: { type: 'string' },
    categoryId: { type: 'integer' },
  },
} as const;

export const adminProductSchema = {
  ...productSchema,
  required: [...productSchema.required, 'webhookUrl', 'createdAt', 'updatedAt'],
  properties: {
    ...productSchema.properties,
    webhookUrl: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;
