// "Notify me": a waiting shopper is told once per return of the stock, through the outbox.
import { DomainWorld, openDomainWorld, value } from '../support/domain-world';

describe('restock alerts', () => {
  let w: DomainWorld;
  beforeAll(async () => {
    w = await openDomainWorld();
  });
  afterAll(() => w.close());

  const told = (productId: number) => w.notices.shopper.filter((n) => n.event === 'BACK_IN_STOCK' && n.productId === productId).map((n) => n.userId);

  it('tells each waiting shopper once when codes come back, and again only after they ask again', async () => {
    const keys = await w.product({ sku: 'KEYS', title: 'Game key', kind: 'code', price: { amount: 1500 } });
    await w.shopper('301');
    await w.shopper('302');
    value(await w.shop.restock.notifyMe('301', keys));
    value(await w.shop.restock.notifyMe('302', keys));
    value(await w.shop.restock.notifyMe('302', keys));
    expect(await w.shop.restock.isWaiting('302', keys)).toBe(true);

    value(await w.shop.catalog.addCodes(keys, ['K-1']));
    await w.drain();
    expect(told(keys).sort()).toEqual(['301', '302']);
    const inStock = await w.shop.restock.notifyMe('301', keys);
    expect(inStock.ok ? 'waiting' : inStock.error.code).toBe('PRODUCT_IN_STOCK');

    // More codes while in stock: no second alert.
    value(await w.shop.catalog.addCodes(keys, ['K-2']));
    await w.drain();
    expect(told(keys)).toHaveLength(2);
  });

  it('counts a raised stock counter, not a change while in stock; a cancelled alert is not sent', async () => {
    const pen = await w.product({ sku: 'PEN2', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 0 });
    await w.shopper('311');
    await w.shopper('312');
    value(await w.shop.restock.notifyMe('311', pen));
    value(await w.shop.restock.notifyMe('312', pen));
    value(await w.shop.restock.cancelNotifyMe('312', pen));
    value(await w.shop.catalog.setStock(pen, 5));
    await w.drain();
    expect(told(pen)).toEqual(['311']);

    value(await w.shop.catalog.setStock(pen, 0));
    value(await w.shop.restock.notifyMe('311', pen));
    value(await w.shop.catalog.setStock(pen, 2));
    await w.drain();
    expect(told(pen)).toEqual(['311', '311']);
  });
});
