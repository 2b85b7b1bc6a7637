import { databaseBackends } from '../../support/services';
import { T0, at } from './support/factories';
import { storeForSuite } from './support/test-store';

describe.each(databaseBackends())('UserRepository and CartRepository (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;

  describe('users', () => {
    const profile = { id: '7012345678', firstName: 'Аня', lastName: '李', username: 'anya_li', languageCode: 'ru' };

    it('inserts a profile, then refreshes it on the next upsert', async () => {
      await inTx((tx) => tx.users.upsert(profile, T0));
      expect(await inTx((tx) => tx.users.find(profile.id))).toEqual(profile);
      const renamed = { ...profile, firstName: '🦊 Anya', username: null, languageCode: 'zh' };
      await inTx((tx) => tx.users.upsert(renamed, at(1000)));
      expect(await inTx((tx) => tx.users.find(profile.id))).toEqual(renamed);
      expect(await inTx((tx) => tx.users.find('404'))).toBeNull();
    });

    it('locks a known shopper for ordering, even twice at the same instant; false for an unknown one', async () => {
      await inTx((tx) => tx.users.upsert({ ...profile, id: '55' }, T0));
      // The second write stores an unchanged value: the matched row still counts (CLIENT_FOUND_ROWS on MySQL).
      expect(await inTx((tx) => tx.users.lockForOrdering('55', at(5)))).toBe(true);
      expect(await inTx((tx) => tx.users.lockForOrdering('55', at(5)))).toBe(true);
      expect(await inTx((tx) => tx.users.lockForOrdering('56', at(5)))).toBe(false);
    });
  });

  describe('carts', () => {
    it('sets quantities by upsert, keeps lines in the order they were first added', async () => {
      await inTx((tx) => tx.carts.setQuantity('c-1', 30, 2, T0));
      await inTx((tx) => tx.carts.setQuantity('c-1', 10, 1, at(1)));
      await inTx((tx) => tx.carts.setQuantity('c-1', 30, 5, at(2)));
      expect(await inTx((tx) => tx.carts.list('c-1'))).toEqual([
        { productId: 30, quantity: 5, updatedAt: at(2) },
        { productId: 10, quantity: 1, updatedAt: at(1) },
      ]);
      expect(await inTx((tx) => tx.carts.list('c-other'))).toEqual([]);
    });

    it('removes a line (once), and a quantity of zero leaves no line', async () => {
      await inTx((tx) => tx.carts.setQuantity('c-2', 1, 1, T0));
      await inTx((tx) => tx.carts.setQuantity('c-2', 2, 1, T0));
      expect(await inTx((tx) => tx.carts.remove('c-2', 1))).toBe(true);
      expect(await inTx((tx) => tx.carts.remove('c-2', 1))).toBe(false);
      await inTx((tx) => tx.carts.setQuantity('c-2', 2, 0, T0));
      expect(await inTx((tx) => tx.carts.list('c-2'))).toEqual([]);
      await expect(inTx((tx) => tx.carts.setQuantity('c-2', 2, -1, T0))).rejects.toThrow(RangeError);
    });

    it('clears one shopper’s cart and says how many lines went', async () => {
      for (const productId of [1, 2, 3]) await inTx((tx) => tx.carts.setQuantity('c-3', productId, 1, T0));
      await inTx((tx) => tx.carts.setQuantity('c-4', 1, 1, T0));
      expect(await inTx((tx) => tx.carts.clear('c-3'))).toBe(3);
      expect(await inTx((tx) => tx.carts.clear('c-3'))).toBe(0);
      expect(await inTx((tx) => tx.carts.list('c-4'))).toHaveLength(1);
    });
  });
});
