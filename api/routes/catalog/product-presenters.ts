import { Product } from '../../../domain/catalog';

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
  ...(p.starsPrice !== null ? { starsPrice: p.starsPrice } : {}),
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
