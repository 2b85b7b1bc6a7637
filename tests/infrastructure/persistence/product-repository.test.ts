import { price } from '../../../domain/shared/money';
import { databaseBackends } from '../../support/services';
import { T0, at, productDraft } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('ProductRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;
  const insert = async (overrides: Parameters<typeof productDraft>[0] = {}) => {
    const product = await inTx((tx) => tx.products.insert(productDraft(overrides), T0));
    if (product === 'DUPLICATE_SKU') throw new Error('unexpected duplicate sku');
    return product;
  };

  it('inserts a product and reads it back by id and sku, with money, times and multilingual text intact', async () => {
    const product = await insert({ title: '红茶 Чай 🍵', price: price(123456789012, 'CNY'), stock: 7, photoUrl: 'https://img/x.png' });
    expect(product).toMatchObject({ title: '红茶 Чай 🍵', stock: 7, visible: true, photoUrl: 'https://img/x.png' });
    expect(product.price).toEqual(price(123456789012, 'CNY'));
    expect(product.createdAt).toEqual(T0);
    expect(await inTx((tx) => tx.products.findById(product.id))).toEqual(product);
    expect(await inTx((tx) => tx.products.findBySku(product.sku))).toEqual(product);
    expect(await inTx((tx) => tx.products.findById(987654))).toBeNull();
  });

  it('refuses a duplicate sku on insert and on update, by the unique key', async () => {
    const first = await insert({ sku: 'DUP-1' });
    const second = await insert({ sku: 'DUP-2' });
    expect(await inTx((tx) => tx.products.insert(productDraft({ sku: 'DUP-1' }), T0))).toBe('DUPLICATE_SKU');
    expect(await inTx((tx) => tx.products.update(second.id, { sku: 'DUP-1' }, T0))).toBe('DUPLICATE_SKU');
    // Keys compare exactly on both engines: another case is another sku.
    expect(await inTx((tx) => tx.products.insert(productDraft({ sku: 'dup-1' }), T0))).toMatchObject({ sku: 'dup-1' });
    expect((await inTx((tx) => tx.products.findById(first.id)))?.sku).toBe('DUP-1');
  });

  it('updates only the given fields and never the stock; null for an unknown product', async () => {
    const product = await insert({ stock: 3 });
    const updated = await inTx((tx) => tx.products.update(product.id, { title: 'New', price: price(500, 'CNY'), visible: false }, at(1000)));
    expect(updated).toMatchObject({ id: product.id, title: 'New', visible: false, stock: 3, description: product.description, updatedAt: at(1000) });
    expect(updated !== null && updated !== 'DUPLICATE_SKU' && updated.price.amount).toBe(500);
    expect(await inTx((tx) => tx.products.update(424242, { title: 'x' }, T0))).toBeNull();
  });

  it('finds many by ids, ignoring unknown ones and repeats', async () => {
    const a = await insert();
    const b = await insert();
    const found = await inTx((tx) => tx.products.findManyByIds([b.id, a.id, b.id, 999999]));
    expect(found.map((p) => p.id)).toEqual([a.id, b.id]);
    expect(await inTx((tx) => tx.products.findManyByIds([]))).toEqual([]);
  });

  it('reserves stock with a conditional decrement that never goes below zero', async () => {
    const product = await insert({ stock: 5 });
    expect(await inTx((tx) => tx.products.reserveStock(product.id, 3))).toBe(true);
    expect(await inTx((tx) => tx.products.reserveStock(product.id, 3))).toBe(false);
    expect(await inTx((tx) => tx.products.reserveStock(product.id, 2))).toBe(true);
    expect(await inTx((tx) => tx.products.reserveStock(product.id, 1))).toBe(false);
    expect((await inTx((tx) => tx.products.findById(product.id)))?.stock).toBe(0);
    await inTx((tx) => tx.products.releaseStock(product.id, 4));
    expect((await inTx((tx) => tx.products.findById(product.id)))?.stock).toBe(4);
    await expect(inTx((tx) => tx.products.reserveStock(product.id, -1))).rejects.toThrow(RangeError);
  });

  it('treats null stock as unlimited, and an unknown product as not reservable', async () => {
    const product = await insert({ stock: null });
    expect(await inTx((tx) => tx.products.reserveStock(product.id, 1_000_000))).toBe(true);
    await inTx((tx) => tx.products.releaseStock(product.id, 5));
    expect((await inTx((tx) => tx.products.findById(product.id)))?.stock).toBeNull();
    expect(await inTx((tx) => tx.products.reserveStock(777777, 1))).toBe(false);
  });

  it('sets the stock counter outright, null meaning unlimited; false for an unknown product', async () => {
    const product = await insert({ stock: 1 });
    expect(await inTx((tx) => tx.products.setStock(product.id, 40, at(5)))).toBe(true);
    expect(await inTx((tx) => tx.products.findById(product.id))).toMatchObject({ stock: 40, updatedAt: at(5) });
    expect(await inTx((tx) => tx.products.setStock(product.id, null, at(6)))).toBe(true);
    expect((await inTx((tx) => tx.products.findById(product.id)))?.stock).toBeNull();
    expect(await inTx((tx) => tx.products.setStock(888888, 1, at(6)))).toBe(false);
  });
});
