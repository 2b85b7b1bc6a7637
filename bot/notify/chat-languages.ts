import { Language, resolveLanguage } from '../../domain/account';
import { SessionStore } from '../../domain/shared/ports/session-store';
import { Shop } from '../../domain/shop';

const KEEP_MS = 180 * 24 * 3_600_000;

/**
 * What language to write in when no update is at hand (a notice): the shopper's /lang choice from the shop, else
 * the Telegram language_code the bot last saw from them, remembered here.
 */
export class ChatLanguages {
  constructor(
    private readonly shop: Shop,
    private readonly store: SessionStore,
  ) {}

  async rememberTelegramCode(userId: string, code: string): Promise<void> {
    await this.store.set(`bot:tg-lang:${userId}`, code, KEEP_MS);
  }

  async languageFor(userId: string): Promise<Language> {
    const [chosen, seen] = await Promise.all([this.shop.account.preferredLanguage(userId), this.store.get(`bot:tg-lang:${userId}`).catch(() => undefined)]);
    return resolveLanguage(chosen, typeof seen === 'string' ? seen : null);
  }
}
