import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney, parseMoneyInput } from '../../format/money';
import { words } from '../../routing/command-args';
import { reply } from '../../ui/replies';

/**
 * A seller's delivery options in chat: `/delivery` lists them, `/delivery add <fee> <days> <name…>` adds one
 * (fee in yuan, e.g. 12.50), `/delivery remove <id>` withdraws one. Only the presser's own active shop.
 */
export async function deliveryCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const { t } = ctx;
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (!seller) return void (await reply(ctx, t('err_FORBIDDEN')));
  const [verb, first, second, ...rest] = words(args);
  const currency = svc.shop.ordering.currency();
  if (verb === 'add') {
    const fee = first === undefined ? null : parseMoneyInput(first);
    const days = second === undefined || !/^\d{1,3}$/.test(second) ? null : Number(second);
    if (fee === null || days === null || rest.length === 0) return void (await reply(ctx, t('deliveryUsage')));
    const added = await svc.shop.ordering.addDeliveryOption(seller.id, { name: rest.join(' '), fee, estimatedDays: days });
    if (!added.ok) return void (await reply(ctx, errorText(t, added.error)));
  } else if (verb === 'remove') {
    const id = first !== undefined && /^\d{1,12}$/.test(first) ? Number(first) : null;
    if (id === null) return void (await reply(ctx, t('deliveryUsage')));
    const removed = await svc.shop.ordering.removeDeliveryOption(seller.id, id);
    if (!removed.ok) return void (await reply(ctx, errorText(t, removed.error)));
  } else if (verb !== undefined) return void (await reply(ctx, t('deliveryUsage')));
  const options = await svc.shop.ordering.listDeliveryOptions(seller.id);
  const lines = options.map((o) => t('deliveryListLine', { id: o.id, name: o.name, fee: formatMoney(o.fee, currency), days: o.estimatedDays }));
  await reply(ctx, [t('deliveryListTitle'), ...(lines.length > 0 ? lines : [t('deliveryListEmpty')]), '', t('deliveryUsage')].join('\n'));
}
