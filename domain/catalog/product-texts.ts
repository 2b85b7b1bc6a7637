import { LANGUAGES, Language, languageOf } from '../shared/languages';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid, text } from '../shared/validation';
import { Product } from './product';
import { SearchDocument } from './search-terms';
import { searchDocumentOf } from './product-search';

/** A product's title and description in one language (the description falls back to the default when null). */
export interface ProductText {
  lang: Language;
  title: string;
  description: string | null;
}

export interface StoredProductText extends ProductText {
  productId: number;
}

/** The products' texts in other languages than their own (`product_translations`). */
export interface ProductTextRepository {
  forProducts(productIds: readonly number[], lang?: Language): Promise<StoredProductText[]>;
  /** Makes these the product's texts: languages not listed are removed. */
  replace(productId: number, texts: readonly ProductText[]): Promise<void>;
  /** The same for many products in a few multi-row statements (imports). */
  replaceMany(entries: ReadonlyArray<{ productId: number; texts: readonly ProductText[] }>): Promise<void>;
}

export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 2000;

/** `{ zh: { title, description? }, ru: … }` as an admin sends it. */
export function validateProductTexts(input: unknown): Result<ProductText[], ValidationError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('texts', 'must be a map of language → { title, description }');
  const texts: ProductText[] = [];
  for (const [code, value] of Object.entries(input)) {
    const lang = LANGUAGES.find((l) => l === code);
    if (!lang) return invalid(`texts.${code}`, `a language is one of ${LANGUAGES.join(', ')}`);
    if (typeof value !== 'object' || value === null) return invalid(`texts.${code}`, 'must be { title, description }');
    const fields = value as { title?: unknown; description?: unknown };
    const title = text(`texts.${code}.title`, fields.title, 1, MAX_TITLE);
    if (!title.ok) return title;
    const description =
      fields.description === undefined || fields.description === null ? ok(null) : text(`texts.${code}.description`, fields.description, 0, MAX_DESCRIPTION);
    if (!description.ok) return description;
    texts.push({ lang, title: title.value, description: description.value || null });
  }
  return ok(texts);
}

export const sameTexts = (a: readonly ProductText[], b: readonly ProductText[]): boolean => {
  const key = (texts: readonly ProductText[]) =>
    JSON.stringify([...texts].sort((x, y) => x.lang.localeCompare(y.lang)).map((t) => [t.lang, t.title, t.description]));
  return key(a) === key(b);
};

/** Search documents with every language's text, so a search in any language finds the product. */
export async function searchDocumentsOf(repository: ProductTextRepository, products: readonly Product[]): Promise<SearchDocument[]> {
  if (products.length === 0) return [];
  const byProduct = groupTexts(await repository.forProducts(products.map((p) => p.id)));
  return products.map((p) => documentWith(p, byProduct.get(p.id) ?? []));
}

export const documentWith = (product: Product, texts: readonly ProductText[]): SearchDocument =>
  searchDocumentOf(
    product,
    texts.map((t) => t.title),
    texts.flatMap((t) => (t.description === null ? [] : [t.description])),
  );

export function groupTexts(texts: readonly StoredProductText[]): Map<number, ProductText[]> {
  const byProduct = new Map<number, ProductText[]>();
  for (const { productId, ...t } of texts) byProduct.set(productId, [...(byProduct.get(productId) ?? []), t]);
  return byProduct;
}

/** The language a door asks for (`zh-CN`, an Accept-Language list); null: the products' own texts. */
export function requestedLanguage(asked: string | null | undefined): Language | null {
  if (!asked) return null;
  for (const part of asked.split(',')) {
    const lang = languageOf(part.split(';')[0]?.trim());
    if (lang) return lang;
  }
  return null;
}

/** The products as read in `lang`: its title and description where written, the product's own otherwise. */
export async function localize(repository: ProductTextRepository, products: Product[], lang: Language | null): Promise<Product[]> {
  if (lang === null || products.length === 0) return products;
  const texts = new Map(
    (
      await repository.forProducts(
        products.map((p) => p.id),
        lang,
      )
    ).map((t) => [t.productId, t]),
  );
  return products.map((p) => {
    const t = texts.get(p.id);
    return t ? { ...p, title: t.title, description: t.description ?? p.description } : p;
  });
}
