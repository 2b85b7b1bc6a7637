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

  describe('search', () => {
    let ids: Record<string, number>;
    beforeAll(async () => {
      const tea = await insert({ sku: 'S-TEA', title: '云南红茶 Black Tea', description: 'leaf' });
      const vodka = await insert({ sku: 'S-VODKA', title: 'Водка Премиум', description: 'drink' });
      const promo = await insert({ sku: 'S-PROMO', title: '100% off_code', description: 'special' });
      const hidden = await insert({ sku: 'S-HIDDEN', title: 'Hidden 云南红茶', description: 'secret', visible: false });
      ids = { tea: tea.id, vodka: vodka.id, promo: promo.id, hidden: hidden.id };
    });
    const search = (q: string | undefined, includeHidden = false, page = 1, pageSize = 50) =>
      inTx((tx) => tx.products.search({ q, includeHidden, page, pageSize }));

    it('matches a CJK substring in the title, hidden products only when asked', async () => {
      expect((await search('南红茶')).items.map((p) => p.id)).toEqual([ids.tea]);
      expect((await search('南红茶', true)).items.map((p) => p.id)).toEqual([ids.tea, ids.hidden]);
    });

    it('matches case-insensitively in Cyrillic and Latin, over sku and description too', async () => {
      expect((await search('водка')).items.map((p) => p.id)).toEqual([ids.vodka]);
      expect((await search('black TEA')).items.map((p) => p.id)).toEqual([ids.tea]);
      expect((await search('s-promo')).items.map((p) => p.id)).toEqual([ids.promo]);
      expect((await search('DRINK')).items.map((p) => p.id)).toEqual([ids.vodka]);
    });

    it('treats % and _ in the query as plain characters', async () => {
      expect((await search('100%')).items.map((p) => p.id)).toEqual([ids.promo]);
      expect((await search('f_c')).items.map((p) => p.id)).toEqual([ids.promo]);
      expect((await search('%')).items.map((p) => p.id)).toEqual([ids.promo]);
      expect((await search('_')).items.map((p) => p.id)).toEqual([ids.promo]);
    });

    it('pages by id with a total, page 1 being the first', async () => {
      const all = await search(undefined, true, 1, 1000);
      expect(all.items.map((p) => p.id)).toEqual([...all.items.map((p) => p.id)].sort((a, b) => a - b));
      expect(all.items.some((p) => !p.visible)).toBe(true);
      const visible = await search(undefined);
      expect(visible.items.every((p) => p.visible)).toBe(true);
      const page2 = await search(undefined, true, 2, 2);
      expect(page2.total).toBe(all.total);
      expect(page2.items.map((p) => p.id)).toEqual(all.items.slice(2, 4).map((p) => p.id));
    });
  });
});
