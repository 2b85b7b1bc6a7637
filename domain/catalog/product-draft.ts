import { Price, minor, price as priceOf } from '../shared/money';
import { MAX_AMOUNT } from '../shared/limits';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid, nonNegativeInt, positiveInt, text } from '../shared/validation';
import { HOUSE_SELLER_ID, MAX_STARS, MIN_STARS, PRODUCT_KINDS, ProductDraft, ProductKind, STARS_KINDS } from './product';
import { WebhookUrlError, WebhookUrlRules, checkWebhookUrlText } from './webhook-url';

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const MAX_STOCK = 1_000_000_000;

/** What an admin sends; every field optional here so a patch can use the same checks. */
export interface ProductInput {
  sku?: unknown;
  title?: unknown;
  description?: unknown;
  kind?: unknown;
  price?: { amount?: unknown; currency?: unknown } | unknown;
  stock?: unknown;
  visible?: unknown;
  creditAmount?: unknown;
  webhookUrl?: unknown;
  starsPrice?: unknown;
  photoUrl?: unknown;
  categoryId?: unknown;
}

type Checked<T> = Result<T, ValidationError>;
type DraftChecked<T> = Result<T, ValidationError | WebhookUrlError>;

/** A patch that leaves a stored webhook URL alone is not refused for it (the send-time check still guards it). */
const UNCHANGED_URL: WebhookUrlRules = { allowPrivate: true, requireHttps: false };

const isKind = (v: unknown): v is ProductKind => typeof v === 'string' && (PRODUCT_KINDS as readonly string[]).includes(v);

function httpUrl(field: string, value: unknown): Checked<string> {
  const s = text(field, value, 1, 500);
  if (!s.ok) return s;
  try {
    const u = new URL(s.value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return invalid(field, 'must be an http(s) URL');
    return ok(u.toString());
  } catch {
    return invalid(field, 'must be an absolute URL');
  }
}

function price(value: unknown, currency: string): Checked<Price> {
  if (typeof value !== 'object' || value === null) return invalid('price', 'must be {amount, currency}');
  const p = value as { amount?: unknown; currency?: unknown };
  const amount = nonNegativeInt('price.amount', p.amount, MAX_AMOUNT);
  if (!amount.ok) return amount;
  if (p.currency !== undefined && p.currency !== currency) return invalid('price.currency', `the shop sells in ${currency}`);
  return ok(priceOf(amount.value, currency));
}

/**
 * Validates a whole new product. `code` products start with stock 0: their stock is the size of their code pool.
 * A webhook URL is checked against `webhookRules` as far as its text goes; the use case then asks DNS.
 */
export function validateProductDraft(
  input: ProductInput,
  currency: string,
  webhookRules: WebhookUrlRules,
  sellerId: number = HOUSE_SELLER_ID,
): DraftChecked<ProductDraft> {
  if (typeof input.sku !== 'string' || !SKU_PATTERN.test(input.sku)) return invalid('sku', 'must be 1–64 of A-Z a-z 0-9 _ . - starting with a letter or digit');
  const title = text('title', input.title, 1, 120);
  if (!title.ok) return title;
  const description = input.description === undefined ? ok('') : text('description', input.description, 0, 2000);
  if (!description.ok) return description;
  if (!isKind(input.kind)) return invalid('kind', `must be one of ${PRODUCT_KINDS.join(', ')}`);
  const cost = price(input.price, currency);
  if (!cost.ok) return cost;
  const draft: ProductDraft = {
    sellerId,
    sku: input.sku,
    title: title.value,
    description: description.value,
    kind: input.kind,
    price: cost.value,
    stock: null,
    visible: input.visible === undefined ? true : input.visible === true,
    creditAmount: null,
    webhookUrl: null,
    starsPrice: null,
    photoUrl: null,
    categoryId: null,
  };
  if (input.visible !== undefined && typeof input.visible !== 'boolean') return invalid('visible', 'must be true or false');
  return completeDraft(draft, input, webhookRules);
}

function completeDraft(draft: ProductDraft, input: ProductInput, webhookRules: WebhookUrlRules): DraftChecked<ProductDraft> {
  if (draft.kind === 'code') {
    if (input.stock !== undefined && input.stock !== null && input.stock !== 0) {
      return invalid('stock', 'a code product counts its unsold codes: upload codes instead of setting stock');
    }
    draft.stock = 0;
  } else if (input.stock !== undefined && input.stock !== null) {
    const stock = nonNegativeInt('stock', input.stock, MAX_STOCK);
    if (!stock.ok) return stock;
    draft.stock = stock.value;
  }
  if (draft.kind === 'credit') {
    const credit = positiveInt('creditAmount', input.creditAmount, MAX_AMOUNT);
    if (!credit.ok) return credit;
    draft.creditAmount = minor(credit.value);
  } else if (input.creditAmount !== undefined && input.creditAmount !== null) {
    return invalid('creditAmount', 'only credit packs carry a credit amount');
  }
  if (draft.kind === 'webhook') {
    const url = httpUrl('webhookUrl', input.webhookUrl);
    if (!url.ok) return url;
    const allowed = checkWebhookUrlText('webhookUrl', url.value, webhookRules);
    if (!allowed.ok) return allowed;
    draft.webhookUrl = url.value;
  } else if (input.webhookUrl !== undefined && input.webhookUrl !== null) {
    return invalid('webhookUrl', 'only webhook products carry a webhook URL');
  }
  if (input.starsPrice !== undefined && input.starsPrice !== null) {
    if (!STARS_KINDS.includes(draft.kind)) return invalid('starsPrice', `only digital goods (${STARS_KINDS.join(', ')}) may be sold for Telegram Stars`);
    if (typeof input.starsPrice !== 'number' || !Number.isInteger(input.starsPrice) || input.starsPrice < MIN_STARS || input.starsPrice > MAX_STARS)
      return invalid('starsPrice', `must be a whole number of stars from ${MIN_STARS} to ${MAX_STARS}`);
    draft.starsPrice = minor(input.starsPrice);
  }
  if (input.photoUrl !== undefined && input.photoUrl !== null) {
    const url = httpUrl('photoUrl', input.photoUrl);
    if (!url.ok) return url;
    draft.photoUrl = url.value;
  }
  if (input.categoryId !== undefined && input.categoryId !== null) {
    const category = positiveInt('categoryId', input.categoryId, Number.MAX_SAFE_INTEGER);
    if (!category.ok) return category;
    draft.categoryId = category.value;
  }
  return ok(draft);
}

/** Validates a patch against the product it changes; the kind and the stock cannot be patched. */
export function validateProductPatch(
  current: ProductDraft,
  input: ProductInput,
  currency: string,
  webhookRules: WebhookUrlRules,
): DraftChecked<Omit<ProductDraft, 'stock' | 'sellerId'>> {
  if (input.kind !== undefined && input.kind !== current.kind) return invalid('kind', 'cannot change; create a new product instead');
  if (input.stock !== undefined) return invalid('stock', 'set stock with the stock endpoint');
  const merged: ProductInput = {
    sku: input.sku ?? current.sku,
    title: input.title ?? current.title,
    description: input.description ?? current.description,
    kind: current.kind,
    price: input.price ?? current.price,
    visible: input.visible ?? current.visible,
    creditAmount: input.creditAmount === undefined ? current.creditAmount : input.creditAmount,
    webhookUrl: input.webhookUrl === undefined ? current.webhookUrl : input.webhookUrl,
    starsPrice: input.starsPrice === undefined ? current.starsPrice : input.starsPrice,
    photoUrl: input.photoUrl === undefined ? current.photoUrl : input.photoUrl,
    categoryId: input.categoryId === undefined ? current.categoryId : input.categoryId,
  };
  const checked = validateProductDraft(merged, currency, input.webhookUrl === undefined ? UNCHANGED_URL : webhookRules, current.sellerId);
  if (!checked.ok) return checked;
  const { stock: _ignored, sellerId: _fixed, ...rest } = checked.value;
  return ok(rest);
}
