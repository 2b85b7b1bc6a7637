import { STARS_KINDS } from '../../../domain/catalog';
import type { Product } from '../../../domain/catalog';
import { STARS_CURRENCY } from '../../../domain/ordering';
import type { AwaitingInput, BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { EDIT_FIELDS, EditFieldCode } from './admin-products-actions';
import { errorText } from '../../errors/error-replies';
import { formatMoney, parseMoneyInput } from '../../format/money';
import type { TextKey } from '../../i18n/translate';
import { Button, button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply, show } from '../../ui/replies';
import { productIdArg, starsInput, stockArg, words } from '../../routing/command-args';

const PAGE_SIZE = 10;

export async function showProducts(ctx: BotContext, svc: BotServices, page: number): Promise<void> {
  const { t } = ctx;
  const result = await svc.shop.catalog.browseProducts({ page, pageSize: PAGE_SIZE, includeHidden: true });
  if (!result.ok) return answer(ctx, errorText(t, result.error, { forAdmin: true }), { alert: true });
  await answer(ctx);
  const { items, total } = result.value;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (items.length === 0) {
    await show(ctx, t('productsEmpty'), inlineKeyboard([[button(t('btnNewProduct'), { k: 'newProduct' })]]));
    return;
  }
  const rows: Button[][] = items.map((p) => [
    button(`#${p.id} ${p.visible ? '' : '🙈 '}${p.title} — ${formatMoney(p.price.amount, p.price.currency)} · ${p.stock ?? '∞'}`, {
      k: 'adminProduct',
      id: p.id,
    }),
  ]);
  rows.push([
    ...(page > 1 ? [button(t('btnPrev'), { k: 'products', page: page - 1 })] : []),
    button(t('btnNewProduct'), { k: 'newProduct' }),
    ...(page < pages ? [button(t('btnNext'), { k: 'products', page: page + 1 })] : []),
  ]);
  await show(ctx, t('productsTitle', { page, pages }), inlineKeyboard(rows));
}

function productSheet(ctx: BotContext, p: Product): { text: string; markup: ReturnType<typeof inlineKeyboard> } {
  const { t } = ctx;
  const text = t('adminProduct', {
    id: p.id,
    sku: p.sku,
    title: p.title,
    kind: p.kind,
    price: formatMoney(p.price.amount, p.price.currency),
    stock: p.stock === null ? t('unlimited') : p.stock,
    visible: p.visible ? t('yes') : t('no'),
    photo: p.photoUrl ?? t('none'),
    stars: p.starsPrice === null ? t('none') : formatMoney(p.starsPrice, STARS_CURRENCY),
  });
  const edit = (label: TextKey, field: EditFieldCode): Button => button(t(label), { k: 'editProduct', id: p.id, field });
  const markup = inlineKeyboard([
    [edit('btnEditTitle', 't'), edit('btnEditPrice', 'p')],
    [edit('btnEditDescription', 'd'), edit('btnEditPhoto', 'f')],
    ...(STARS_KINDS.includes(p.kind) ? [[edit('btnEditStars', 'x')]] : []),
    [
      p.kind === 'code' ? edit('btnUploadCodes', 'c') : edit('btnSetStock', 's'),
      button(p.visible ? t('btnHide') : t('btnShow'), { k: 'setVisible', id: p.id, visible: !p.visible }),
    ],
    [button(t('btnProducts'), { k: 'products', page: 1 })],
  ]);
  return { text, markup };
}

export async function showAdminProduct(ctx: BotContext, svc: BotServices, id: number): Promise<void> {
  const found = await svc.shop.catalog.getProduct(id, { includeHidden: true });
  if (!found.ok) return answer(ctx, errorText(ctx.t, found.error), { alert: true });
  await answer(ctx);
  const { text, markup } = productSheet(ctx, found.value);
  await show(ctx, text, markup);
}

export async function setVisible(ctx: BotContext, svc: BotServices, id: number, visible: boolean): Promise<void> {
  const updated = await svc.shop.catalog.updateProduct(id, { visible });
  if (!updated.ok) return answer(ctx, errorText(ctx.t, updated.error, { forAdmin: true }), { alert: true });
  await answer(ctx, ctx.t('productSaved'));
  const { text, markup } = productSheet(ctx, updated.value);
  await show(ctx, text, markup);
}

/** An edit button: the next text (or .txt file, for codes) the admin sends is the new value. */
export async function askForEdit(ctx: BotContext, id: number, code: EditFieldCode): Promise<void> {
  const field = EDIT_FIELDS[code];
  ctx.session.awaiting = { productId: id, field };
  ctx.session.wizard = undefined;
  await answer(ctx);
  await reply(ctx, ctx.t(`promptEdit_${field}` as TextKey, { id }), inlineKeyboard([[button(ctx.t('btnCancel'), { k: 'wizardCancel' })]]));
}

async function saveStock(ctx: BotContext, svc: BotServices, id: number, raw: string | undefined): Promise<boolean> {
  const stock = stockArg(raw);
  if (stock === undefined) {
    await reply(ctx, ctx.t('notAStock'));
    return false;
  }
  const result = await svc.shop.catalog.setStock(id, stock);
  if (!result.ok) {
    await reply(ctx, errorText(ctx.t, result.error, { forAdmin: true }));
    return result.error.code !== 'VALIDATION_FAILED';
  }
  await reply(ctx, ctx.t('stockSet', { id, stock: result.value.stock ?? ctx.t('unlimited') }));
  return true;
}

/** The value for a pending edit. Returns true when the edit is over (saved, or refused for good). */
export async function applyEdit(ctx: BotContext, svc: BotServices, awaiting: AwaitingInput, text: string): Promise<boolean> {
  const { t } = ctx;
  const id = awaiting.productId;
  if (awaiting.field === 'stock') return saveStock(ctx, svc, id, text);
  if (awaiting.field === 'codes') {
    await reply(ctx, t('promptEdit_codes', { id }));
    return false;
  }
  let patch: Record<string, unknown>;
  if (awaiting.field === 'starsPrice') {
    const stars = starsInput(text);
    if (stars === undefined) {
      await reply(ctx, t('notStars'));
      return false;
    }
    patch = { starsPrice: stars };
  } else if (awaiting.field === 'price') {
    const amount = parseMoneyInput(text);
    if (amount === null) {
      await reply(ctx, t('notAnAmount'));
      return false;
    }
    patch = { price: { amount } };
  } else {
    const cleared = text.trim() === '-';
    patch = { [awaiting.field]: cleared ? (awaiting.field === 'photoUrl' ? null : '') : text.trim() };
  }
  const result = await svc.shop.catalog.updateProduct(id, patch);
  if (!result.ok) {
    await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return result.error.code !== 'VALIDATION_FAILED';
  }
  const { text: sheet, markup } = productSheet(ctx, result.value);
  await reply(ctx, `${t('productSaved')}\n\n${sheet}`, markup);
  return true;
}

/** `/price <id> <amount>` */
export async function onPriceCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [rawId, rawAmount, ...extra] = words(args);
  const id = productIdArg(rawId);
  if (id === null || rawAmount === undefined || extra.length > 0) {
    await reply(ctx, ctx.t('usagePrice'));
    return;
  }
  await applyEdit(ctx, svc, { productId: id, field: 'price' }, rawAmount);
}

/** `/stars <id> <whole stars | ->`: the product's Telegram Stars price, or none. */
export async function onStarsCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [rawId, rawStars, ...extra] = words(args);
  const id = productIdArg(rawId);
  if (id === null || rawStars === undefined || extra.length > 0) {
    await reply(ctx, ctx.t('usageStars'));
    return;
  }
  await applyEdit(ctx, svc, { productId: id, field: 'starsPrice' }, rawStars);
}

/** `/stock <id> <n | unlimited>` */
export async function onStockCommand(ctx: BotContext, svc: BotServices, args: string): Promise<void> {
  const [rawId, rawStock, ...extra] = words(args);
  const id = productIdArg(rawId);
  if (id === null || rawStock === undefined || extra.length > 0) {
    await reply(ctx, ctx.t('usageStock'));
    return;
  }
  await saveStock(ctx, svc, id, rawStock);
}
