import type { Message } from 'telegraf/types';
import type { Seller } from '../../../domain/sellers';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { formatMoney, parseMoneyInput } from '../../format/money';
import { productIdArg, stockArg, words } from '../../routing/command-args';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, chatIdOf, reply, show } from '../../ui/replies';

const PAGE_SIZE = 8;
const LEDGER_LINES = 10;

/**
 * The presser's own active shop, from the database — every seller action starts here, so a button or command from
 * someone who is not (or no longer) a seller does nothing, and a product id always goes with this shop as its owner.
 */
async function myShop(ctx: BotContext, svc: BotServices): Promise<Seller | null> {
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (!seller) {
    if (ctx.callbackQuery) await answer(ctx, ctx.t('notASeller'), { alert: true });
    else await reply(ctx, ctx.t('notASeller'));
  }
  return seller;
}

export async function showSellerMenu(ctx: BotContext, svc: BotServices, known?: Seller): Promise<void> {
  const seller = known ?? (await myShop(ctx, svc));
  if (!seller) return;
  const balance = await svc.shop.sellers.getSellerBalance(seller.id, { limit: 1 });
  await answer(ctx);
  const amount = balance.ok ? formatMoney(balance.value.balance, balance.value.currency) : '—';
  await show(
    ctx,
    `${ctx.t('sellerMenuTitle', { shop: seller.shopName, balance: amount })}\n\n${ctx.t('sellerMenuHelp')}`,
    inlineKeyboard([
      [button(ctx.t('btnSellerProducts'), { k: 'sellerProducts', page: 1 }), button(ctx.t('btnSellerBalance'), { k: 'sellerBalance' })],
      [button(ctx.t('btnSellerOrders'), { k: 'sellerOrders', page: 1 })],
    ]),
  );
}

export async function showSellerProducts(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const result = await svc.shop.catalog.browseProducts({ sellerId: seller.id, includeHidden: true, page, pageSize: PAGE_SIZE, lang: ctx.lang });
  if (!result.ok) return answer(ctx, errorText(ctx.t, result.error), { alert: true });
  await answer(ctx);
  const { items, total } = result.value;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows: Button[][] = items.map((p) => [
    button(`${p.visible ? '' : '🙈 '}#${p.id} ${p.title} — ${formatMoney(p.price.amount, p.price.currency)}`, { k: 'sellerProduct', id: p.id }),
  ]);
  if (pages > 1)
    rows.push([
      ...(page > 1 ? [button(ctx.t('btnPrev'), { k: 'sellerProducts', page: page - 1 })] : []),
      ...(page < pages ? [button(ctx.t('btnNext'), { k: 'sellerProducts', page: page + 1 })] : []),
    ]);
  rows.push([button(ctx.t('btnBack'), { k: 'sellerMenu' })]);
  await show(ctx, items.length === 0 ? ctx.t('sellerProductsEmpty') : ctx.t('sellerProductsTitle', { page, pages }), inlineKeyboard(rows));
}

/** One of the seller's products; another shop's (a forged button) is not found, exactly like one that does not exist. */
export async function showSellerProduct(ctx: BotContext, svc: BotServices, id: number): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const found = await svc.shop.catalog.getProduct(id, { owner: { sellerId: seller.id }, lang: ctx.lang });
  if (!found.ok) return answer(ctx, errorText(ctx.t, found.error), { alert: true });
  await answer(ctx);
  const p = found.value;
  await show(
    ctx,
    ctx.t('sellerProductCard', {
      id: p.id,
      title: p.title,
      sku: p.sku,
      price: formatMoney(p.price.amount, p.price.currency),
      stock: p.stock === null ? ctx.t('unlimited') : p.stock,
      visible: p.visible ? ctx.t('yes') : ctx.t('no'),
    }),
    inlineKeyboard([
      [button(p.visible ? ctx.t('btnHide') : ctx.t('btnShow'), { k: 'sellerSetVisible', id: p.id, visible: !p.visible })],
      [button(ctx.t('btnSellerProducts'), { k: 'sellerProducts', page: 1 })],
    ]),
  );
}

export async function sellerSetVisible(ctx: BotContext, svc: BotServices, id: number, visible: boolean): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const updated = await svc.shop.catalog.updateProduct(id, { visible }, { sellerId: seller.id });
  if (!updated.ok) return answer(ctx, errorText(ctx.t, updated.error), { alert: true });
  await showSellerProduct(ctx, svc, id);
}

export async function showSellerBalance(ctx: BotContext, svc: BotServices): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const view = await svc.shop.sellers.getSellerBalance(seller.id, { limit: LEDGER_LINES });
  if (!view.ok) return answer(ctx, errorText(ctx.t, view.error), { alert: true });
  await answer(ctx);
  const { balance, currency, ledger } = view.value;
  const lines = [ctx.t('sellerBalanceText', { balance: formatMoney(balance, currency) })];
  for (const e of ledger)
    lines.push(
      ctx.t('sellerLedgerLine', {
        date: e.createdAt.toISOString().slice(0, 10),
        kind: ctx.t(`ledgerKind_${e.kind}`),
        amount: formatMoney(e.amount, currency, { signed: true }),
        ref: e.orderNo ?? e.payoutId ?? '',
      }),
    );
  if (ledger.length === 0) lines.push(ctx.t('sellerLedgerEmpty'));
  lines.push('', ctx.t('payoutUsage'));
  await show(ctx, lines.join('\n'), inlineKeyboard([[button(ctx.t('btnBack'), { k: 'sellerMenu' })]]));
}

/** `/payout 100.00`: ask for that much of the balance. */
export async function onPayoutCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const amount = parseMoneyInput(words(args)[0] ?? '');
  if (amount === null || amount <= 0) return void (await reply(ctx, ctx.t('payoutUsage')));
  const result = await svc.shop.sellers.requestPayout(seller.id, { amount });
  await reply(ctx, result.ok ? ctx.t('payoutRequested', { amount: formatMoney(result.value.amount, result.value.currency) }) : errorText(ctx.t, result.error));
}

/** `/additem SKU 9.90 Title words…`: a product the seller fulfils themself (more kinds and fields: a file, or the API). */
export async function onAddItemCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const [sku, written, ...title] = words(args);
  const price = parseMoneyInput(written ?? '');
  if (!sku || price === null || title.length === 0) return void (await reply(ctx, ctx.t('addItemUsage')));
  const result = await svc.shop.catalog.createProduct({ sku, title: title.join(' '), kind: 'manual', price: { amount: price } }, { sellerId: seller.id });
  await reply(ctx, result.ok ? ctx.t('itemCreated', { id: result.value.id, title: result.value.title }) : errorText(ctx.t, result.error, { forAdmin: true }));
}

/** `/myprice 12 9.90`, `/mystock 12 5` (or "unlimited"): only the seller's own products; another's is not found. */
export async function onMyPriceCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const [rawId, written] = words(args);
  const id = productIdArg(rawId);
  const price = parseMoneyInput(written ?? '');
  if (id === null || price === null) return void (await reply(ctx, ctx.t('myPriceUsage')));
  const result = await svc.shop.catalog.updateProduct(id, { price: { amount: price } }, { sellerId: seller.id });
  await reply(ctx, result.ok ? ctx.t('itemUpdated', { id, title: result.value.title }) : errorText(ctx.t, result.error, { forAdmin: true }));
}

export async function onMyStockCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const [rawId, rawStock] = words(args);
  const id = productIdArg(rawId);
  const stock = stockArg(rawStock);
  if (id === null || stock === undefined) return void (await reply(ctx, ctx.t('myStockUsage')));
  const result = await svc.shop.catalog.setStock(id, stock, { sellerId: seller.id });
  await reply(ctx, result.ok ? ctx.t('itemUpdated', { id, title: result.value.title }) : errorText(ctx.t, result.error, { forAdmin: true }));
}

/** `/mycodes 12 CODE-1 CODE-2 …`: codes for the seller's own code product. */
export async function onMyCodesCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const seller = await myShop(ctx, svc);
  if (!seller) return;
  const [rawId, ...codes] = words(args);
  const id = productIdArg(rawId);
  if (id === null || codes.length === 0) return void (await reply(ctx, ctx.t('myCodesUsage')));
  const result = await svc.shop.catalog.addCodes(id, codes, { sellerId: seller.id });
  await reply(ctx, result.ok ? ctx.t('codesAdded', { ...result.value, id }) : errorText(ctx.t, result.error, { forAdmin: true }));
}

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** A CSV or YAML file from an active seller: imported into their shop only; the report comes back to this chat. */
export async function onSellerImportDocument(ctx: BotContext, svc: BotServices, message: Message.DocumentMessage): Promise<boolean> {
  const name = message.document.file_name ?? '';
  if (!/\.(csv|ya?ml)$/i.test(name)) return false;
  const seller = await svc.shop.sellers.findActiveSellerByTelegramUser(ctx.userId);
  if (!seller) return false;
  const link = await ctx.telegram.getFileLink(message.document.file_id);
  const response = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(() => null);
  if (!response?.ok || !response.body) {
    await reply(ctx, ctx.t('codesDownloadFailed'));
    return true;
  }
  const dryRun = /\bdry\b/i.test(message.caption ?? '');
  const started = await svc.shop.catalog.startImport({ fileName: name, content: response.body, dryRun, owner: { sellerId: seller.id } });
  if (!started.ok) {
    await reply(ctx, errorText(ctx.t, started.error, { forAdmin: true }));
    return true;
  }
  await reply(ctx, ctx.t('importStarted', { id: started.value.job.id }));
  const { t } = ctx;
  const chatId = chatIdOf(ctx);
  void started.value.finished
    .then((job) => {
      const c = job.counts;
      const key =
        job.status === 'DONE' ? 'importDone' : job.status === 'CHECKED' ? 'importChecked' : job.status === 'INVALID' ? 'importInvalid' : 'importFailed';
      const lines = [t(key, { file: job.fileName, rows: c.rows, bad: c.invalid, created: c.created, updated: c.updated, unchanged: c.unchanged })];
      lines.push(...job.problems.slice(0, 20).map((p) => t('importProblem', { line: p.line, field: p.field, reason: p.reason })));
      return ctx.telegram.sendMessage(chatId, lines.join('\n'));
    })
    .catch((error: unknown) => svc.logger.error({ err: error }, 'could not report a seller import'));
  return true;
}
