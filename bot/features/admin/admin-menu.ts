import { DEFAULT_STUCK_AFTER_MINUTES } from '../../../domain/reporting';
import type { BotContext } from '../../bot-context';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, show } from '../../ui/replies';

export async function showAdminMenu(ctx: BotContext): Promise<void> {
  const { t } = ctx;
  await answer(ctx);
  await show(
    ctx,
    t('adminMenu'),
    inlineKeyboard([
      [button(t('btnStats'), { k: 'stats' }), button(t('btnOrders'), { k: 'adminOrders', status: null, page: 1 })],
      [button(t('btnProducts'), { k: 'products', page: 1 }), button(t('btnNewProduct'), { k: 'newProduct' })],
      [button(t('btnStuck'), { k: 'stuckOrders', minutes: DEFAULT_STUCK_AFTER_MINUTES, page: 1 }), button(t('btnJobs'), { k: 'jobs' })],
    ]),
  );
}
