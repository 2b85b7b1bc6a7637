import { LANGUAGES } from '../../shared/languages';
import { parseMajorUnits } from '../../shared/money';
import { MAX_CODES_PER_UPLOAD, MAX_CODE_LENGTH, codesFromText } from '../add-codes';
import { MAX_STOCK, ProductInput, validateProductDraft } from '../product-draft';
import { WebhookUrlRules } from '../webhook-url';
import { MAX_CATEGORY_DEPTH, parseCategoryPath } from '../category-draft';
import { MAX_DESCRIPTION, MAX_TITLE, ProductText } from '../product-texts';
import { ImportedProduct, RowProblem } from './imported-product';
import { RawImportRow } from './import-source';

export const REQUIRED_COLUMNS = ['sku', 'kind', 'title', 'price'] as const;
const BASE_COLUMNS = [
  'sku',
  'kind',
  'title',
  'description',
  'price',
  'currency',
  'stock',
  'category',
  'visible',
  'credit',
  'webhook_url',
  'stars_price',
  'photo_url',
  'codes',
];
const TEXT_COLUMNS = LANGUAGES.flatMap((lang) => [`title_${lang}`, `description_${lang}`]);
export const IMPORT_COLUMNS: readonly string[] = [...BASE_COLUMNS, ...TEXT_COLUMNS];

/** Problems with a CSV header (or a YAML record's keys): unknown, repeated or missing columns. */
export function checkColumns(columns: readonly string[], line: number, requireAll: boolean): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!IMPORT_COLUMNS.includes(column)) problems.push({ line, field: column, reason: `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}` });
    else if (seen.has(column)) problems.push({ line, field: column, reason: 'appears twice' });
    seen.add(column);
  }
  if (requireAll) {
    for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) problems.push({ line, field: column, reason: 'required column is missing' });
  }
  return problems;
}

/** A field's text: undefined when empty or absent. */
function textOf(row: RawImportRow, field: string, problems: RowProblem[]): string | undefined {
  const value = row.fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ line: row.line, field, reason: 'must be text, not a list or a map' });
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function booleanOf(written: string | undefined, row: RawImportRow, problems: RowProblem[]): boolean | undefined {
  if (written === undefined) return undefined;
  const lower = written.toLowerCase();
  if (['true', 'yes', '1'].includes(lower)) return true;
  if (['false', 'no', '0'].includes(lower)) return false;
  problems.push({ line: row.line, field: 'visible', reason: 'must be true or false' });
  return undefined;
}

function amountOf(field: string, written: string | undefined, currency: string, row: RawImportRow, problems: RowProblem[]): number | undefined {
  if (written === undefined) return undefined;
  const amount = parseMajorUnits(written, currency);
  if (amount === null) problems.push({ line: row.line, field, reason: `"${written}" is not an amount in ${currency} (like 9.90)` });
  return amount ?? undefined;
}

/** A Stars price is written as whole stars (`50`); the draft's check then holds it to Telegram's bounds. */
function starsOf(written: string | undefined, row: RawImportRow, problems: RowProblem[]): number | null {
  if (written === undefined) return null;
  if (!/^\d{1,9}$/.test(written)) {
    problems.push({ line: row.line, field: 'stars_price', reason: `"${written}" is not a whole number of Telegram Stars (like 50)` });
    return null;
  }
  return Number(written);
}

function stockOf(written: string | undefined, row: RawImportRow, problems: RowProblem[]): number | null {
  if (written === undefined) return null;
  if (!/^\d+$/.test(written) || Number(written) > MAX_STOCK) {
    problems.push({ line: row.line, field: 'stock', reason: `must be a whole number from 0 to ${MAX_STOCK}, or empty for unlimited` });
    return null;
  }
  return Number(written);
}

/** `games/keys`: the slugs of a category path. */
function categoryOf(written: string | undefined, row: RawImportRow, problems: RowProblem[]): string | null {
  if (written === undefined) return null;
  const path = parseCategoryPath(written.toLowerCase());
  if (path === null) problems.push({ line: row.line, field: 'category', reason: `a path like games/keys: up to ${MAX_CATEGORY_DEPTH} levels of a-z 0-9 -` });
  return path;
}

function textsOf(row: RawImportRow, problems: RowProblem[]): ProductText[] {
  const texts: ProductText[] = [];
  for (const lang of LANGUAGES) {
    const title = textOf(row, `title_${lang}`, problems);
    const description = textOf(row, `description_${lang}`, problems);
    if (title === undefined && description === undefined) continue;
    if (title === undefined) {
      problems.push({ line: row.line, field: `title_${lang}`, reason: `needed when description_${lang} is given` });
      continue;
    }
    if ([...title].length > MAX_TITLE) problems.push({ line: row.line, field: `title_${lang}`, reason: `must be at most ${MAX_TITLE} characters` });
    if (description !== undefined && [...description].length > MAX_DESCRIPTION)
      problems.push({ line: row.line, field: `description_${lang}`, reason: `must be at most ${MAX_DESCRIPTION} characters` });
    texts.push({ lang, title, description: description ?? null });
  }
  return texts;
}

/** A `codes` field: one code per line in a CSV cell, or a YAML list (or block of lines). */
function codesOf(row: RawImportRow, problems: RowProblem[]): string[] {
  const value = row.fields.codes;
  if (value === undefined || value === null) return [];
  let codes: string[];
  if (typeof value === 'string') codes = codesFromText(value);
  else if (Array.isArray(value) && value.every((c): c is string => typeof c === 'string')) codes = value.map((c) => c.trim()).filter((c) => c !== '');
  else {
    problems.push({ line: row.line, field: 'codes', reason: 'must be one code per line, or a list of codes' });
    return [];
  }
  if (codes.length > MAX_CODES_PER_UPLOAD) problems.push({ line: row.line, field: 'codes', reason: `at most ${MAX_CODES_PER_UPLOAD} codes per row` });
  const long = codes.findIndex((c) => c.length > MAX_CODE_LENGTH);
  if (long >= 0) problems.push({ line: row.line, field: 'codes', reason: `code ${long + 1} is longer than ${MAX_CODE_LENGTH} characters` });
  return [...new Set(codes)];
}

/** Checks one row completely (every problem, not only the first) and builds the product it describes. */
/** `webhookRules`: a `webhook_url` is held to the same rules as an admin's (its DNS is checked at every send). */
export function validateImportRow(
  row: RawImportRow,
  currency: string,
  webhookRules: WebhookUrlRules,
  sellerId: number,
): { product: ImportedProduct } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const fieldText = (field: string) => textOf(row, field, problems);
  const rowCurrency = fieldText('currency');
  if (rowCurrency !== undefined && rowCurrency !== currency) problems.push({ line: row.line, field: 'currency', reason: `the shop sells in ${currency}` });
  const kind = fieldText('kind');
  const writtenPrice = fieldText('price');
  if (writtenPrice === undefined) problems.push({ line: row.line, field: 'price', reason: 'required (like 9.90)' });
  const amount = amountOf('price', writtenPrice, currency, row, problems);
  const credit = amountOf('credit', fieldText('credit'), currency, row, problems);
  const stock = stockOf(fieldText('stock'), row, problems);
  const stars = starsOf(fieldText('stars_price'), row, problems);
  const visible = booleanOf(fieldText('visible'), row, problems);
  const category = categoryOf(fieldText('category'), row, problems);
  const texts = textsOf(row, problems);
  const codes = codesOf(row, problems);
  if (codes.length > 0 && kind !== 'code') problems.push({ line: row.line, field: 'codes', reason: 'only code products carry codes' });
  if (kind === 'code' && stock !== null)
    problems.push({ line: row.line, field: 'stock', reason: 'a code product counts its codes: leave stock empty and list the codes' });
  const input: ProductInput = {
    sku: fieldText('sku'),
    kind,
    title: fieldText('title'),
    description: fieldText('description') ?? '',
    price: { amount: amount ?? 0, currency },
    stock: kind === 'code' ? undefined : stock,
    visible,
    creditAmount: credit,
    webhookUrl: fieldText('webhook_url'),
    starsPrice: stars,
    photoUrl: fieldText('photo_url'),
  };
  const draft = validateProductDraft(input, currency, webhookRules, sellerId);
  if (!draft.ok) {
    const field = draft.error.details?.field;
    const name =
      typeof field === 'string'
        ? field
            .replace(/^creditAmount$/, 'credit')
            .replace(/^webhookUrl$/, 'webhook_url')
            .replace(/^starsPrice$/, 'stars_price')
            .replace(/^photoUrl$/, 'photo_url')
        : 'row';
    const reason = draft.error.message.replace(/^[^:]+: /, '');
    if (!problems.some((p) => p.field === name)) problems.push({ line: row.line, field: name === 'price.amount' ? 'price' : name, reason });
  }
  if (problems.length > 0 || !draft.ok) return { problems };
  return { product: { line: row.line, draft: draft.value, category, texts, codes, setsStarsPrice: Object.hasOwn(row.fields, 'stars_price') } };
}
