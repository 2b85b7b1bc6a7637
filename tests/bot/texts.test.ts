import { ERROR_CODES } from '../../domain/shared/error-codes';
import { ERROR_TEXT } from '../../bot/errors/error-replies';
import { MAX_MESSAGE_LENGTH } from '../../bot/format/telegram-limits';
import { DICTIONARIES, translator } from '../../bot/i18n/translate';
import { EN } from '../../bot/i18n/texts-en';

// Group 1 is mandatory in the pattern, so every match has it.
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("the bot's texts in zh, en and ru", () => {
  const keys = Object.keys(EN).sort();

  it.each(Object.entries(DICTIONARIES))('%s has every key, no other, none empty, with the same placeholders as English', (_lang, texts) => {
    expect(Object.keys(texts).sort()).toEqual(keys);
    for (const key of keys) {
      const text = texts[key as keyof typeof EN];
      expect(text.trim()).not.toBe('');
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(EN[key as keyof typeof EN]) });
      expect(text.length).toBeLessThan(MAX_MESSAGE_LENGTH / 2);
    }
  });

  it('has a polite sentence for every domain error code, in every language', () => {
    for (const code of ERROR_CODES) {
      for (const texts of Object.values(DICTIONARIES)) expect(texts[ERROR_TEXT[code]]).toMatch(/\S/);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('productPrice', { price: '¥1.00' })).toBe('Price: ¥1.00');
    expect(t('productPrice')).toBe('Price: {price}');
    expect(translator('ru')('productStock', { count: 3 })).toBe('В наличии: 3');
  });
});
