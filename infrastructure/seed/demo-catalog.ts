import { ProductInput } from '../../domain/catalog';
import { Shop } from '../../domain/shop';

const DEMO_PRODUCTS: Array<ProductInput & { codes?: string[] }> = [
  {
    sku: 'CREDIT-10',
    title: '¥10 credit pack',
    description: 'Adds ¥10 of shop credit to your balance.',
    kind: 'credit',
    price: { amount: 1000 },
    creditAmount: 1000,
  },
  {
    sku: 'CREDIT-50',
    title: '¥50 credit pack (+¥5 bonus)',
    description: 'Adds ¥55 of shop credit for ¥50.',
    kind: 'credit',
    price: { amount: 5000 },
    creditAmount: 5500,
  },
  {
    sku: 'GAME-KEY',
    title: 'Game activation key',
    description: 'A demo activation code, delivered in the chat the moment you pay.',
    kind: 'code',
    price: { amount: 1500 },
    codes: ['DEMO-7K3Q-PX2M', 'DEMO-9TRF-4WLB', 'DEMO-2HNC-8VYD', 'DEMO-6JZS-1QEK', 'DEMO-5MAX-3GUR'],
  },
  {
    sku: 'STICKER-PACK',
    title: 'Hand-drawn sticker pack (mailed)',
    description: 'Drawn and posted by a person; we tell you when it ships.',
    kind: 'manual',
    price: { amount: 2000 },
    stock: 10,
  },
];

/** Fills an empty shop with a small catalog so a fresh `npm start` sells out of the box. Returns how many it made. */
export async function seedDemoCatalog(shop: Shop, currency: string): Promise<number> {
  const existing = await shop.catalog.browseProducts({ includeHidden: true, pageSize: 1 });
  if (!existing.ok || existing.value.total > 0) return 0;
  let made = 0;
  for (const { codes, ...input } of DEMO_PRODUCTS) {
    const created = await shop.catalog.createProduct({ ...input, price: { amount: (input.price as { amount: number }).amount, currency } });
    // Replicas started together on one database: another one seeded first, and its catalog stands.
    if (!created.ok && created.error.code === 'DUPLICATE_SKU') return made;
    if (!created.ok) throw new Error(`demo product ${String(input.sku)}: ${created.error.message}`);
    if (codes) {
      const added = await shop.catalog.addCodes(created.value.id, codes);
      if (!added.ok) throw new Error(`demo codes for ${String(input.sku)}: ${added.error.message}`);
    }
    made += 1;
  }
  return made;
}
