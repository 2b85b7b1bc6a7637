// The shopper's /lang choice and the id walk a broadcast makes, on a store of its own (count() sees every shopper).
import { databaseBackends } from '../../support/services';
import { T0, at } from './support/factories';
import { openTestStore, storeForSuite } from './support/test-store';

const profile = (id: string) => ({ id, firstName: 'Аня', lastName: null, username: null, languageCode: 'ru' });

describe.each(databaseBackends())('UserRepository: language, listIds, count (%s)', (backend) => {
  const suite = storeForSuite(backend);
  const { inTx } = suite;

  describe('preferred language', () => {
    it('is null until chosen, then set, changed and cleared; a profile refresh keeps it', async () => {
      await inTx((tx) => tx.users.upsert(profile('lang-1'), T0));
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-1'))).toBeNull();
      expect(await inTx((tx) => tx.users.setPreferredLanguage('lang-1', 'zh'))).toBe(true);
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-1'))).toBe('zh');
      // Telegram's profile (language_code 'ru') is refreshed on every update: the /lang choice must survive it.
      await inTx((tx) => tx.users.upsert({ ...profile('lang-1'), languageCode: 'en' }, at(1000)));
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-1'))).toBe('zh');
      expect(await inTx((tx) => tx.users.find('lang-1'))).toMatchObject({ languageCode: 'en' });
      // Setting the same value again still reports the shopper as known.
      expect(await inTx((tx) => tx.users.setPreferredLanguage('lang-1', 'zh'))).toBe(true);
      expect(await inTx((tx) => tx.users.setPreferredLanguage('lang-1', 'pt-BR'))).toBe(true);
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-1'))).toBe('pt-BR');
      expect(await inTx((tx) => tx.users.setPreferredLanguage('lang-1', null))).toBe(true);
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-1'))).toBeNull();
    });

    it('keeps one shopper’s choice to that shopper', async () => {
      await inTx((tx) => tx.users.upsert(profile('lang-2'), T0));
      await inTx((tx) => tx.users.upsert(profile('lang-3'), T0));
      await inTx((tx) => tx.users.setPreferredLanguage('lang-2', 'en'));
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-2'))).toBe('en');
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-3'))).toBeNull();
    });

    it('answers false / null for an unknown shopper and creates no row', async () => {
      expect(await inTx((tx) => tx.users.setPreferredLanguage('lang-404', 'en'))).toBe(false);
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-404'))).toBeNull();
      expect(await inTx((tx) => tx.users.find('lang-404'))).toBeNull();
    });

    it('refuses a language that does not fit the column, the same way on both engines', async () => {
      await inTx((tx) => tx.users.upsert(profile('lang-4'), T0));
      await expect(inTx((tx) => tx.users.setPreferredLanguage('lang-4', 'zh-Hans-CN'))).rejects.toThrow(RangeError);
      await expect(inTx((tx) => tx.users.setPreferredLanguage('lang-4', ''))).rejects.toThrow(RangeError);
      expect(await inTx((tx) => tx.users.preferredLanguage('lang-4'))).toBeNull();
    });
  });

  describe('listing', () => {
    // Ids are Telegram ids as decimal strings: "string order" puts '100' before '99'.
    const ids = ['99', '100', '7012345678', '5', '42', '1000', '123456789', '8', '77', '300', '2', '64'];

    beforeAll(async () => {
      const known = await inTx((tx) => tx.users.count());
      for (const id of ids) await inTx((tx) => tx.users.upsert(profile(`walk-${id}`), T0));
      expect(await inTx((tx) => tx.users.count())).toBe(known + ids.length);
    });

    it('walks every shopper exactly once, in ascending string order, page by page', async () => {
      const all: string[] = [];
      const pages: number[] = [];
      let cursor: string | null = null;
      for (;;) {
        const after: string | null = cursor;
        const page: string[] = await inTx((tx) => tx.users.listIds(after, 5));
        if (page.length === 0) break;
        pages.push(page.length);
        all.push(...page);
        cursor = page[page.length - 1] ?? null;
      }
      const total = await inTx((tx) => tx.users.count());
      expect(all).toHaveLength(total);
      expect(new Set(all).size).toBe(total);
      expect(all).toEqual([...all].sort());
      expect(pages.slice(0, -1).every((size) => size === 5)).toBe(true);
      const walked = all.filter((id) => id.startsWith('walk-'));
      expect(walked).toEqual(ids.map((id) => `walk-${id}`).sort());
      expect(walked.slice(0, 4)).toEqual(['walk-100', 'walk-1000', 'walk-123456789', 'walk-2']);
    });

    it('starts strictly after the cursor, even one that is no shopper’s id', async () => {
      expect(await inTx((tx) => tx.users.listIds('walk-2', 3))).toEqual(['walk-300', 'walk-42', 'walk-5']);
      expect(await inTx((tx) => tx.users.listIds('walk-29', 2))).toEqual(['walk-300', 'walk-42']);
      expect(await inTx((tx) => tx.users.listIds('walk-99', 10))).toEqual([]);
      expect(await inTx((tx) => tx.users.listIds(null, 1))).toHaveLength(1);
    });

    it('refuses a limit that would walk forever or not at all', async () => {
      await expect(inTx((tx) => tx.users.listIds(null, 0))).rejects.toThrow(RangeError);
      await expect(inTx((tx) => tx.users.listIds(null, 2.5))).rejects.toThrow(RangeError);
    });
  });

  it('counts shoppers on an empty store too', async () => {
    const empty = await openTestStore(backend);
    try {
      expect(await empty.persistence.uow.run((tx) => tx.users.count())).toBe(0);
      expect(await empty.persistence.uow.run((tx) => tx.users.listIds(null, 10))).toEqual([]);
      await empty.persistence.uow.run((tx) => tx.users.upsert(profile('only'), T0));
      expect(await empty.persistence.uow.run((tx) => tx.users.count())).toBe(1);
    } finally {
      await empty.close();
    }
  });
});
