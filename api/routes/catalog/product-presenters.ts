import { Product } from '../../../domain/catalog';

/** The shop that sells it, as shoppers see it (absent when its shop is not active). */
export interface ShopOf {
  id: number;
  shopName: string;
}

export const presentProduct = (p: Product, seller?: ShopOf) => ({
  id: p.id,
  sellerId: p.sellerId,
  ...(seller ? { seller } : {}),
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
export const presentProductForAdmin = (p: Product, seller?: ShopOf) => ({
  ...presentProduct(p, seller),
  listed: p.listed,
  webhookUrl: p.webhookUrl,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** Each product with its shop's name, from one lookup of the names (kept briefly by the sellers context). */
export function withShops<T>(products: readonly Product[], names: ReadonlyMap<number, string>, present: (p: Product, seller?: ShopOf) => T): T[] {
  return products.map((p) => {
    const shopName = names.get(p.sellerId);
    return present(p, shopName === undefined ? undefined : { id: p.sellerId, shopName });
  });
}
