import { Language, LANGUAGES } from '../../../domain/account';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { LANGUAGE_NAMES, translator } from '../../i18n/translate';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';
import { mainMenuKeyboard } from './menu';

export async function showLanguages(ctx: BotContext): Promise<void> {
  await answer(ctx);
  await show(ctx, ctx.t('chooseLanguage'), inlineKeyboard([LANGUAGES.map((lang) => button(LANGUAGE_NAMES[lang], { k: 'setLanguage', lang }))]));
}

export async function setLanguage(ctx: BotContext, svc: BotServices, lang: Language): Promise<void> {
  const saved = await svc.shop.account.chooseLanguage(ctx.userId, lang);
  if (!saved.ok) return answer(ctx, errorText(ctx.t, saved.error), { alert: true });
  ctx.session.chosen = lang;
  ctx.lang = lang;
  ctx.t = translator(lang);
  await answer(ctx);
  await show(ctx, `${ctx.t('languageSet')}\n\n${ctx.t('mainMenu')}`, mainMenuKeyboard(ctx));
}
