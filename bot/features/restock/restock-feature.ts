import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { on, defineFeature } from '../../routing/feature';
import { answer } from '../../ui/replies';
import { restockActions } from './restock-actions';

async function notifyMe(ctx: BotContext, svc: BotServices, productId: number): Promise<void> {
  const result = await svc.shop.restock.notifyMe(ctx.userId, productId);
  await answer(ctx, result.ok ? ctx.t('notifyMeSet') : errorText(ctx.t, result.error), { alert: !result.ok });
}

export const restockFeature = defineFeature({
  name: 'restock',
  actions: [on(restockActions.notifyMe, (ctx, svc, a) => notifyMe(ctx, svc, a.id))],
});
