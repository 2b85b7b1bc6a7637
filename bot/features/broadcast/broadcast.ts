import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { fitText } from '../../format/telegram-limits';
import { newBroadcastId } from '../../sending';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { withPressLock } from '../../ui/press-lock';
import { answer, chatIdOf, pressedTextMessage, reply, show } from '../../ui/replies';

/** Room for the question around the quoted text in the confirmation message. */
const QUOTED_TEXT_MAX = 3_500;

/** `/broadcast <text>`: nothing is sent until the admin confirms with the button. */
export async function onBroadcastCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const text = args.trim();
  if (text === '') {
    await reply(ctx, t('usageBroadcast'));
    return;
  }
  const id = newBroadcastId();
  ctx.session.broadcast = { id, text };
  const { total } = await svc.shop.account.shopperIds(null, 1);
  await reply(
    ctx,
    t('broadcastConfirm', { count: total, text: fitText(text, QUOTED_TEXT_MAX) }),
    inlineKeyboard([[button(t('btnSend'), { k: 'broadcastSend', id }), button(t('btnCancel'), { k: 'broadcastCancel', id })]]),
  );
}

/** The confirmation. The broadcast id was fixed when it was asked for, so a second tap cannot start a second one. */
export async function confirmBroadcast(ctx: BotContext, svc: BotServices, id: string): Promise<void> {
  const { t } = ctx;
  const pressed = await withPressLock(svc, `broadcast:${id}`, async () => {
    const pending = ctx.session.broadcast;
    if (!pending || pending.id !== id) return answer(ctx, t('broadcastStale'), { alert: true });
    const started = await svc.broadcasts.start(pending.text, chatIdOf(ctx), id);
    if (!started.ok) {
      await answer(ctx);
      await reply(ctx, errorText(t, started.error, { forAdmin: true }));
      return;
    }
    ctx.session.broadcast = undefined;
    await answer(ctx);
    const total = started.value.recipients;
    await show(ctx, t('broadcastQueued', { id, total }));
    const progress = await reply(ctx, t('broadcastProgress', { id, sent: 0, failed: 0, total }));
    svc.broadcasts.follow(t, chatIdOf(ctx), progress.message_id, id, total);
  });
  if (pressed.busy) await answer(ctx, t('working'));
}

export async function cancelBroadcast(ctx: BotContext, id: string): Promise<void> {
  const pending = ctx.session.broadcast;
  if (pending?.id === id) ctx.session.broadcast = undefined;
  await answer(ctx);
  if (pressedTextMessage(ctx) !== null) await show(ctx, ctx.t(pending?.id === id ? 'broadcastCancelled' : 'broadcastStale'));
}
