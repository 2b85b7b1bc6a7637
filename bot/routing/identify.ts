import type { MiddlewareFn } from 'telegraf';
import { resolveLanguage } from '../../domain/account';
import { isKeyValueUnavailable } from '../../domain/shared/ports/key-value-unavailable-error';
import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { translator } from '../i18n/translate';
import { answer } from '../ui/replies';

/** Updates one person may send per window before the bot stops answering them for a moment. */
const FLOOD_RULE = { limit: 40, windowMs: 10_000 };

/** Only people in private chats: the shop does not work in groups or channels, and ignores other bots. */
export const privateChatsOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.from.is_bot || ctx.chat?.type !== 'private') return;
  await next();
};

/**
 * Who is writing: registers them with the shop (the facade refreshes a profile at most every few minutes), picks
 * the language (their /lang choice, else Telegram's language_code), marks admins, and slows down a flood.
 */
export function identify(svc: BotServices): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return;
    ctx.userId = String(from.id);
    ctx.isAdmin = svc.settings.adminIds.includes(ctx.userId);
    ctx.lang = resolveLanguage(null, from.language_code);
    ctx.t = translator(ctx.lang);
    try {
      const decision = await svc.rateLimiter.consume(`bot:updates:${ctx.userId}`, FLOOD_RULE);
      if (!decision.allowed) return answer(ctx, ctx.t('slowDown'));
    } catch (e) {
      // No rate limiter (Redis down) is no reason to stop serving people.
      if (!isKeyValueUnavailable(e)) throw e;
    }
    await svc.shop.account.identifyShopper({
      id: ctx.userId,
      firstName: from.first_name ?? null,
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
      // Only private chats get here (privateChatsOnly): the bot can write to this person from now on.
      chatOpen: true,
    });
    if (ctx.session.chosen === undefined) ctx.session.chosen = await svc.shop.account.preferredLanguage(ctx.userId);
    ctx.lang = resolveLanguage(ctx.session.chosen, from.language_code);
    ctx.t = translator(ctx.lang);
    if (from.language_code && ctx.session.tgLang !== from.language_code) {
      await svc.chatLanguages.rememberTelegramCode(ctx.userId, from.language_code);
      ctx.session.tgLang = from.language_code;
    }
    await next();
  };
}
