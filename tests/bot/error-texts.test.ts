// The bot names the numbers an error carries (a reservation cap, seconds left of a cool-down) in every language.
import { errorText } from '../../bot/errors/error-replies';
import { translator } from '../../bot/i18n/translate';

describe('error replies with the numbers they carry', () => {
  it.each(['en', 'ru', 'zh'] as const)('%s: the reservation cap and the cool-down', (lang) => {
    const t = translator(lang);
    const limit = errorText(t, { code: 'RESERVATION_LIMIT', message: 'x', details: { productId: 7, limit: 4 } });
    expect(limit).toContain('4');
    const cooling = errorText(t, { code: 'CANCEL_COOLDOWN', message: 'x', details: { productId: 7, limit: 4, retryAfterSeconds: 93 } });
    expect(cooling).toContain('93');
    expect(cooling).toContain('4');
    expect(`${limit}${cooling}`).not.toMatch(/[{}]/);
  });
});
