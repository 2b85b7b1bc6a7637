import type { Seller, SellerDecision } from '../../../domain/sellers';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney } from '../../format/money';
import { words } from '../../routing/command-args';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply, show } from '../../ui/replies';

const PAGE_SIZE = 8;

/** Which decisions each state offers (the use case checks again: a stale button answers with the conflict). */
const OFFERED: Record<Seller['status'], SellerDecision[]> = {
  pending: ['approve', 'reject'],
  active: ['suspend'],
  suspended: ['reinstate'],
  rejected: ['approve'],
};
const LABEL = { approve: 'btnApprove', reject: 'btnReject', suspend: 'btnSuspend', reinstate: 'btnReinstate' } as const;

/** `/sellers`: the shops, applications first-come, with their decisions as buttons, and the debts. */
export async function showAdminSellers(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const result = await svc.shop.sellers.listSellers({ page, pageSize: PAGE_SIZE });
  if (!result.ok) return answer(ctx, errorText(ctx.t, result.error), { alert: true });
  await answer(ctx);
  const debts = new Map((await svc.shop.sellers.listSellerDebts()).map((d) => [d.sellerId, d.balance]));
  const currency = svc.settings.currency;
  const lines = [ctx.t('adminSellersTitle', { total: result.value.total })];
  const rows: Button[][] = [];
  for (const s of result.value.items) {
    const terms = svc.shop.sellers.effectiveTerms(s);
    const debt = debts.get(s.id);
    lines.push(
      ctx.t('adminSellerLine', { id: s.id, name: s.shopName, status: ctx.t(`sellerStatus_${s.status}`), contact: s.contact, bps: terms.commissionBps }) +
        (debt !== undefined ? ` ${ctx.t('adminSellerDebt', { amount: formatMoney(-debt, currency) })}` : ''),
    );
    if (s.id !== 1) rows.push(OFFERED[s.status].map((d) => button(`${ctx.t(LABEL[d])} #${s.id}`, { k: 'decideSeller', id: s.id, decision: d })));
  }
  const pages = Math.max(1, Math.ceil(result.value.total / PAGE_SIZE));
  if (pages > 1)
    rows.push([
      ...(page > 1 ? [button(ctx.t('btnPrev'), { k: 'adminSellers', page: page - 1 })] : []),
      ...(page < pages ? [button(ctx.t('btnNext'), { k: 'adminSellers', page: page + 1 })] : []),
    ]);
  lines.push('', ctx.t('adminSellersHelp'));
  await show(ctx, lines.join('\n'), inlineKeyboard(rows));
}

export async function decideSellerInChat(ctx: BotContext, svc: BotServices, id: number, decision: SellerDecision): Promise<void> {
  const result = await svc.shop.sellers.decideSeller(id, decision);
  if (!result.ok) return answer(ctx, errorText(ctx.t, result.error, { forAdmin: true }), { alert: true });
  await answer(ctx, ctx.t('adminSellerDecided', { name: result.value.shopName, status: ctx.t(`sellerStatus_${result.value.status}`) }));
  await showAdminSellers(ctx, svc, 1);
}

/** `/commission 7 550` (basis points) or `/commission 7 default`; `/window 7 60` (minutes) or default; `/autoconfirm 7 on|off`. */
export async function onTermsCommand(
  ctx: BotContext,
  svc: BotServices,
  args: string,
  field: 'commissionBps' | 'confirmWindowMinutes' | 'autoConfirm',
): Promise<void> {
  const [rawId, rawValue] = words(args);
  const id = rawId !== undefined && /^\d{1,12}$/.test(rawId) ? Number(rawId) : null;
  let value: number | boolean | null | undefined;
  if (field === 'autoConfirm') value = rawValue === 'on' ? true : rawValue === 'off' ? false : undefined;
  else value = rawValue === 'default' ? null : rawValue !== undefined && /^\d{1,6}$/.test(rawValue) ? Number(rawValue) : undefined;
  if (id === null || value === undefined) return void (await reply(ctx, ctx.t('termsUsage')));
  const result = await svc.shop.sellers.setSellerTerms(id, { [field]: value });
  if (!result.ok) return void (await reply(ctx, errorText(ctx.t, result.error, { forAdmin: true })));
  const terms = svc.shop.sellers.effectiveTerms(result.value);
  await reply(
    ctx,
    ctx.t('termsSet', {
      name: result.value.shopName,
      bps: terms.commissionBps,
      minutes: terms.confirmWindowMinutes,
      auto: result.value.autoConfirm ? ctx.t('yes') : ctx.t('no'),
    }),
  );
}

/** `/payouts`: the requested payouts to pay, each with the command that records it paid. */
export async function showPayouts(ctx: BotContext, svc: BotServices): Promise<void> {
  const result = await svc.shop.sellers.listPayouts({ status: 'requested', pageSize: 20 });
  if (!result.ok) return void (await reply(ctx, errorText(ctx.t, result.error)));
  if (result.value.items.length === 0) return void (await reply(ctx, ctx.t('adminPayoutsEmpty')));
  const lines = [ctx.t('adminPayoutsTitle', { total: result.value.total })];
  for (const p of result.value.items) lines.push(ctx.t('adminPayoutLine', { seller: p.sellerId, amount: formatMoney(p.amount, p.currency), id: p.id }));
  await reply(ctx, lines.join('\n'));
}

/** `/paid <shop id> <payout id> <reference>`: records the transfer; a second time (or a wrong pair) changes nothing. */
export async function onPaidCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [rawId, payoutId, ...reference] = words(args);
  const id = rawId !== undefined && /^\d{1,12}$/.test(rawId) ? Number(rawId) : null;
  if (id === null || !payoutId || reference.length === 0) return void (await reply(ctx, ctx.t('paidUsage')));
  const result = await svc.shop.sellers.markPayoutPaid(id, payoutId, { reference: reference.join(' ') });
  await reply(
    ctx,
    result.ok
      ? ctx.t('payoutMarkedPaid', { amount: formatMoney(result.value.amount, result.value.currency), id: payoutId })
      : errorText(ctx.t, result.error, { forAdmin: true }),
  );
}
