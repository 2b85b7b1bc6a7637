import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { fitText } from '../../format/telegram-limits';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { reply, show } from '../../ui/replies';
import { openProduct } from '../catalog/catalog';
import { startWithInvite } from '../referrals/referrals';

export function mainMenuKeyboard(ctx: BotContext): InlineKeyboardMarkup {
  const { t } = ctx;
  return inlineKeyboard([
    [button(t('btnCatalog'), { k: 'catalog', page: 1 }), button(t('btnCart'), { k: 'cart' })],
    [button(t('btnMyOrders'), { k: 'myOrders', page: 1 }), button(t('btnBalance'), { k: 'balance' })],
    [button(t('btnLanguage'), { k: 'languages' })],
    ctx.isAdmin ? [button(t('btnAdmin'), { k: 'adminMenu' })] : [],
  ]);
}

/** Deep links look like t.me/<bot>?start=p_12 and open that product. */
const PRODUCT_PAYLOAD = /^p_(\d{1,12})$/;

export async function onStart(ctx: BotContext, svc: BotServices, payload: string): Promise<void> {
  const name = fitText(ctx.from?.first_name ?? '', 64);
  await reply(ctx, `${ctx.t('welcome', { name })}\n\n${ctx.t('mainMenu')}`, mainMenuKeyboard(ctx));
  const product = PRODUCT_PAYLOAD.exec(payload);
  if (product) await openProduct(ctx, svc, Number(product[1]));
  else if (payload.startsWith('ref_')) await startWithInvite(ctx, svc, payload);
}

export async function onMenu(ctx: BotContext): Promise<void> {
  await show(ctx, ctx.t('mainMenu'), mainMenuKeyboard(ctx));
}

export async function onHelp(ctx: BotContext, lead?: 'unknownInput' | 'tooLong'): Promise<void> {
  const text = lead ? `${ctx.t(lead)}\n\n${ctx.t('help')}` : ctx.t('help');
  await reply(ctx, text, mainMenuKeyboard(ctx));
}
