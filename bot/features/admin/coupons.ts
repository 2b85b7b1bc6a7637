import type { Coupon } from '../../../domain/coupons';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { formatMoney } from '../../format/money';
import { reply } from '../../ui/replies';

const off = (c: Coupon): string => (c.kind === 'percent' ? `${c.value / 100}%` : formatMoney(c.value, c.currency));

/** `/coupons`: the newest coupons with what they take off and how many purchases hold them (issuing is the admin API's). */
export async function showCoupons(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const page = await svc.shop.coupons.listCoupons({ pageSize: 20 });
  if (!page.ok || page.value.items.length === 0) {
    await reply(ctx, t('couponsNone'));
    return;
  }
  const lines = page.value.items.map((c) =>
    t(c.active ? 'couponsLine' : 'couponsLineOff', { code: c.code, off: off(c), used: c.used, limit: c.totalLimit === null ? '∞' : c.totalLimit }),
  );
  await reply(ctx, [t('couponsTitle'), ...lines].join('\n'));
}
