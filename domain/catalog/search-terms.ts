// How text becomes search terms, the same way for what is indexed and for what is asked. Chinese and Japanese have no
// spaces, so their runs are cut into overlapping two-character terms (bigrams: 会员卡 → 会员, 员卡, plus the last
// character alone, so a one-character query finds it anywhere); every other script is cut into words, found by
// prefix. Text is folded first: NFKD, marks stripped (é → e, ё → е, full-width Ａ → a), lower-cased.

/** Longer words are cut: a query for a prefix this long has said enough. */
export const MAX_TERM_LENGTH = 32;
/** A query's terms beyond this add nothing a shopper would notice and cost a join each. */
export const MAX_QUERY_TOKENS = 6;

/** Where a term was found; a term found in several fields carries the sum of their weights. */
export const SEARCH_FIELDS = { title: 1, sku: 2, description: 4 } as const;
export const FIELD_WEIGHTS = { title: 8, sku: 2, description: 1 } as const;
/** A query word that is the whole indexed word ranks above one that is only its beginning. */
export const WHOLE_WORD_FACTOR = 2;

/** The SKU is also indexed whole under this mark (no folded word starts with it), for an exact SKU match on top. */
export const SKU_MARK = '#';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;
const MARKS = /\p{M}+/gu;

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').normalize('NFC').toLowerCase();
}

const clipTerm = (term: string): string => (term.length <= MAX_TERM_LENGTH ? term : Array.from(term).slice(0, MAX_TERM_LENGTH).join(''));

interface Run {
  text: string;
  cjk: boolean;
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of foldForSearch(text).matchAll(RUNS)) {
    const [first] = match[0];
    runs.push({ text: match[0], cjk: first !== undefined && CJK.test(first) });
  }
  return runs;
}

function termsOfRun(run: Run): string[] {
  if (!run.cjk) return [clipTerm(run.text)];
  const chars = Array.from(run.text);
  if (chars.length === 1) return chars;
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i]}${chars[i + 1]}`);
  terms.push(chars[chars.length - 1] ?? '');
  return terms;
}

export interface IndexedTerm {
  term: string;
  /** A bit mask of SEARCH_FIELDS. */
  fields: number;
  weight: number;
}

/** What the index holds for one product. Every language's text goes in the same fields. */
export interface SearchDocument {
  productId: number;
  visible: boolean;
  sku: string;
  titles: readonly string[];
  descriptions: readonly string[];
}

export function indexedTermsOf(doc: SearchDocument): IndexedTerm[] {
  const found = new Map<string, number>();
  const add = (text: string, field: keyof typeof SEARCH_FIELDS) => {
    for (const run of runsOf(text)) for (const term of termsOfRun(run)) found.set(term, (found.get(term) ?? 0) | SEARCH_FIELDS[field]);
  };
  for (const title of doc.titles) add(title, 'title');
  add(doc.sku, 'sku');
  for (const description of doc.descriptions) add(description, 'description');
  const terms = [...found].map(([term, fields]) => ({ term, fields, weight: weightOf(fields) }));
  terms.push({ term: skuTerm(doc.sku), fields: SEARCH_FIELDS.sku, weight: FIELD_WEIGHTS.sku });
  return terms;
}

const weightOf = (fields: number): number =>
  (fields & SEARCH_FIELDS.title ? FIELD_WEIGHTS.title : 0) +
  (fields & SEARCH_FIELDS.sku ? FIELD_WEIGHTS.sku : 0) +
  (fields & SEARCH_FIELDS.description ? FIELD_WEIGHTS.description : 0);

export const skuTerm = (sku: string): string => `${SKU_MARK}${foldForSearch(sku)}`;

/** One condition of a query: every token must match some term of the product. */
export interface QueryToken {
  /** `exact`: a Chinese bigram, `prefix`: a word's beginning (or a lone Chinese character). */
  kind: 'exact' | 'prefix';
  term: string;
}

export function queryTokensOf(q: string): QueryToken[] {
  const tokens = new Map<string, QueryToken>();
  for (const run of runsOf(q)) {
    if (!run.cjk) tokens.set(`p:${clipTerm(run.text)}`, { kind: 'prefix', term: clipTerm(run.text) });
    else if (Array.from(run.text).length === 1) tokens.set(`p:${run.text}`, { kind: 'prefix', term: run.text });
    else for (const bigram of termsOfRun(run).slice(0, -1)) tokens.set(`e:${bigram}`, { kind: 'exact', term: bigram });
  }
  return [...tokens.values()].slice(0, MAX_QUERY_TOKENS);
}
