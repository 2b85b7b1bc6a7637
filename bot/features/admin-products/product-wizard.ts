import { PRODUCT_KINDS, ProductKind, STARS_KINDS } from '../../../domain/catalog';
import type { ProductInput } from '../../../domain/catalog';
import type { BotContext, ProductWizard, WizardField } from '../../bot-context';
import { WIZARD_FIELDS } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { parseMoneyInput } from '../../format/money';
import type { TextKey } from '../../i18n/translate';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply } from '../../ui/replies';
import { starsInput, stockArg } from '../../routing/command-args';

/**
 * The next question. Which questions a kind needs is only about what to ask (a code product's stock is its codes,
 * so nobody is asked for one); whether the answers make a valid product is createProduct's call, and a field it
 * refuses is simply asked again.
 */
function nextField(answers: ProductWizard['answers']): WizardField | null {
  const has = (f: WizardField): boolean => Object.hasOwn(answers, f);
  for (const f of ['sku', 'title', 'kind', 'price'] as const) if (!has(f)) return f;
  if (answers.kind === 'credit' && !has('creditAmount')) return 'creditAmount';
  if (answers.kind === 'webhook' && !has('webhookUrl')) return 'webhookUrl';
  if (answers.kind !== 'code' && !has('stock')) return 'stock';
  if (STARS_KINDS.some((k) => k === answers.kind) && !has('starsPrice')) return 'starsPrice';
  return has('description') ? null : 'description';
}

async function ask(ctx: BotContext, field: WizardField, lead?: string): Promise<void> {
  const { t } = ctx;
  const prompt = t(`wizard_${field}` as TextKey);
  const rows = field === 'kind' ? [PRODUCT_KINDS.map((kind) => button(kind, { k: 'wizardKind', kind }))] : [];
  rows.push([button(t('btnCancel'), { k: 'wizardCancel' })]);
  await reply(ctx, lead ? `${lead}\n\n${prompt}` : prompt, inlineKeyboard(rows));
}

export async function startWizard(ctx: BotContext): Promise<void> {
  ctx.session.wizard = { asking: 'sku', answers: {} };
  ctx.session.awaiting = undefined;
  await answer(ctx);
  await ask(ctx, 'sku', ctx.t('wizardStart'));
}

export async function cancelInput(ctx: BotContext): Promise<void> {
  const had = ctx.session.wizard !== undefined || ctx.session.awaiting !== undefined;
  ctx.session.wizard = undefined;
  ctx.session.awaiting = undefined;
  await answer(ctx);
  await reply(ctx, had ? ctx.t('cancelled') : ctx.t('nothingToCancel'));
}

/** Turns a typed answer into what the use case takes; undefined (with a hint sent) when it is not that shape. */
async function parseAnswer(ctx: BotContext, field: WizardField, text: string): Promise<string | number | null | undefined> {
  const value = text.trim();
  switch (field) {
    case 'price':
    case 'creditAmount': {
      const amount = parseMoneyInput(value);
      if (amount === null) await reply(ctx, ctx.t('notAnAmount'));
      return amount ?? undefined;
    }
    case 'stock': {
      const stock = stockArg(value);
      if (stock === undefined) await reply(ctx, ctx.t('notAStock'));
      return stock;
    }
    case 'starsPrice': {
      const stars = starsInput(value);
      if (stars === undefined) await reply(ctx, ctx.t('notStars'));
      return stars;
    }
    case 'kind':
      if ((PRODUCT_KINDS as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase();
      await ask(ctx, 'kind');
      return undefined;
    case 'description':
      return value === '-' ? '' : value;
    default:
      return value;
  }
}

export async function wizardAnswer(ctx: BotContext, svc: BotServices, wizard: ProductWizard, text: string): Promise<void> {
  const value = await parseAnswer(ctx, wizard.asking, text);
  if (value === undefined) return;
  await advance(ctx, svc, { asking: wizard.asking, answers: { ...wizard.answers, [wizard.asking]: value } });
}

export async function wizardKind(ctx: BotContext, svc: BotServices, kind: ProductKind): Promise<void> {
  const wizard = ctx.session.wizard;
  await answer(ctx);
  if (!wizard || wizard.asking !== 'kind') return;
  await advance(ctx, svc, { asking: 'kind', answers: { ...wizard.answers, kind } });
}

const fieldOf = (details: Readonly<Record<string, unknown>> | undefined): WizardField | null => {
  const raw = typeof details?.field === 'string' ? (details.field.split('.')[0] ?? '') : '';
  return (WIZARD_FIELDS as readonly string[]).includes(raw) ? (raw as WizardField) : null;
};

async function advance(ctx: BotContext, svc: BotServices, wizard: ProductWizard): Promise<void> {
  const next = nextField(wizard.answers);
  if (next !== null) {
    ctx.session.wizard = { asking: next, answers: wizard.answers };
    await ask(ctx, next);
    return;
  }
  const a = wizard.answers;
  const input: ProductInput = {
    sku: a.sku,
    title: a.title,
    kind: a.kind,
    price: { amount: a.price },
    description: a.description ?? '',
    ...(Object.hasOwn(a, 'stock') ? { stock: a.stock } : {}),
    ...(Object.hasOwn(a, 'creditAmount') ? { creditAmount: a.creditAmount } : {}),
    ...(Object.hasOwn(a, 'webhookUrl') ? { webhookUrl: a.webhookUrl } : {}),
    ...(Object.hasOwn(a, 'starsPrice') ? { starsPrice: a.starsPrice } : {}),
  };
  const created = await svc.shop.catalog.createProduct(input);
  if (!created.ok) {
    const field = created.error.code === 'DUPLICATE_SKU' ? 'sku' : created.error.code === 'VALIDATION_FAILED' ? fieldOf(created.error.details) : null;
    const message = errorText(ctx.t, created.error, { forAdmin: true });
    if (field === null) {
      ctx.session.wizard = undefined;
      await reply(ctx, message);
      return;
    }
    const answers = { ...a };
    delete answers[field];
    ctx.session.wizard = { asking: field, answers };
    await ask(ctx, field, message);
    return;
  }
  const product = created.value;
  ctx.session.wizard = undefined;
  const lines = [ctx.t('wizardCreated', { id: product.id, title: product.title })];
  if (product.kind === 'code') {
    ctx.session.awaiting = { productId: product.id, field: 'codes' };
    lines.push(ctx.t('wizardCodesHint', { id: product.id }));
  }
  await reply(ctx, lines.join('\n\n'), inlineKeyboard([[button(`#${product.id}`, { k: 'adminProduct', id: product.id })]]));
}
