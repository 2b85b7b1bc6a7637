import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { show } from '../../ui/replies';

const OFF = new Set(['off', 'none', 'remove', 'delete', '关闭', '删除', 'выкл', 'удалить']);

/**
 * `/email` shows the address notices are mailed to; `/email you@example.com` sets it; `/email off` stops mail. A seller's
 * shop mail follows it too unless the shop has an address of its own (messaging's `sellerRecipientOf`).
 */
export async function onEmailCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const written = args.trim();
  if (written === '') {
    const email = await svc.shop.account.emailOf(ctx.userId);
    return show(ctx, email === null ? ctx.t('emailNone') : ctx.t('emailCurrent', { email }));
  }
  const saved = await svc.shop.account.setEmail(ctx.userId, OFF.has(written.toLowerCase()) ? null : written);
  if (!saved.ok) return show(ctx, saved.error.code === 'VALIDATION_FAILED' ? ctx.t('emailInvalid') : errorText(ctx.t, saved.error));
  await show(ctx, saved.value === null ? ctx.t('emailRemoved') : ctx.t('emailSet', { email: saved.value }));
}
