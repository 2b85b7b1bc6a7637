import { checkApplicationField } from '../../../domain/sellers';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply } from '../../ui/replies';
import { showSellerMenu } from './seller-shop';

export const SELL_STEPS = ['shopName', 'contact', 'description'] as const;
export type SellStep = (typeof SELL_STEPS)[number];

const QUESTION = { shopName: 'sellAskShopName', contact: 'sellAskContact', description: 'sellAskDescription' } as const;

const cancelKeyboard = (ctx: BotContext) => inlineKeyboard([[button(ctx.t('btnCancel'), { k: 'sellApplyCancel' })]]);

/**
 * `/sell`: a seller gets their shop's menu; anyone else a short conversation (shop name, contact, what they sell)
 * that ends in an application the admins decide on. Where the user stands comes from the shop's database.
 */
export async function onSell(ctx: BotContext, svc: BotServices): Promise<void> {
  const mine = await svc.shop.sellers.sellerOfTelegramUser(ctx.userId);
  if (mine?.status === 'active') return showSellerMenu(ctx, svc, mine);
  if (mine?.status === 'pending') return void (await reply(ctx, ctx.t('sellPending', { shop: mine.shopName })));
  if (mine?.status === 'suspended') return void (await reply(ctx, ctx.t('sellSuspended', { shop: mine.shopName })));
  ctx.session.sellApplication = { asking: 'shopName', answers: {} };
  ctx.session.wizard = undefined;
  ctx.session.awaiting = undefined;
  await reply(ctx, `${mine?.status === 'rejected' ? `${ctx.t('sellAgain')}\n` : ''}${ctx.t(QUESTION.shopName)}`, cancelKeyboard(ctx));
}

/** One answer of the application conversation; the use case checks them all when the last is in. */
export async function sellAnswer(ctx: BotContext, svc: BotServices, text: string): Promise<void> {
  const state = ctx.session.sellApplication;
  if (!state) return;
  const value = state.asking === 'description' && text.trim() === '-' ? '' : text.trim();
  const checked = checkApplicationField(state.asking, value);
  if (!checked.ok) {
    await reply(ctx, `${errorText(ctx.t, checked.error, { forAdmin: true })}\n${ctx.t(QUESTION[state.asking])}`, cancelKeyboard(ctx));
    return;
  }
  const answers = { ...state.answers, [state.asking]: checked.value };
  const next = SELL_STEPS[SELL_STEPS.indexOf(state.asking) + 1];
  if (next) {
    ctx.session.sellApplication = { asking: next, answers };
    await reply(ctx, ctx.t(QUESTION[next]), cancelKeyboard(ctx));
    return;
  }
  const result = await svc.shop.sellers.applyToSell(ctx.userId, answers);
  if (!result.ok) {
    // A bad answer: ask that one again (the error names the field).
    const field = result.error.details?.field;
    const again = SELL_STEPS.find((s) => s === field);
    if (again) ctx.session.sellApplication = { asking: again, answers };
    else ctx.session.sellApplication = undefined;
    await reply(
      ctx,
      `${errorText(ctx.t, result.error, { forAdmin: true })}${again ? `\n${ctx.t(QUESTION[again])}` : ''}`,
      again ? cancelKeyboard(ctx) : undefined,
    );
    return;
  }
  ctx.session.sellApplication = undefined;
  await reply(ctx, ctx.t('sellApplied', { shop: result.value.shopName }));
}

export async function cancelSell(ctx: BotContext): Promise<void> {
  ctx.session.sellApplication = undefined;
  await answer(ctx);
  await reply(ctx, ctx.t('sellCancelled'));
}
