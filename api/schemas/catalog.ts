import { Static, TSchema, Type } from '@sinclair/typebox';
import { MAX_STARS, MAX_TEXT_DESCRIPTION, MAX_TEXT_TITLE, MIN_STARS, PRODUCT_KINDS, PRODUCT_SORTS } from '../../domain/catalog';
import { LANGUAGES } from '../../domain/shared/languages';
import { DateTime, Money, Nullable, PageOf, StringEnum } from './common';

export const ProductKind = StringEnum(PRODUCT_KINDS, {
  description: 'credit: tops up the balance; code: hands over a code from the pool; manual: an admin fulfils it; webhook: the merchant endpoint fulfils it',
});

export const Product = Type.Object(
  {
    id: Type.Integer(),
    sellerId: Type.Integer({ description: 'the shop that sells it (1: the house)' }),
    seller: Type.Optional(Type.Object({ id: Type.Integer(), shopName: Type.String() }, { description: 'the shop that sells it' })),
    sku: Type.String({ description: 'unique within its shop' }),
    title: Type.String(),
    description: Type.String(),
    kind: ProductKind,
    price: Money,
    stock: Nullable(Type.Integer({ minimum: 0, description: 'units left; null = unlimited' })),
    visible: Type.Boolean(),
    creditAmount: Type.Optional(Nullable(Type.Integer({ description: 'credit packs: minor units added per unit bought' }))),
    starsPrice: Type.Optional(
      Type.Integer({ minimum: 1, description: 'its price in Telegram Stars (XTR, whole stars) when it is sold for Stars (absent: not)' }),
    ),
    photoUrl: Type.Optional(Type.String()),
    categoryId: Type.Optional(Type.Integer({ description: 'the category it is listed under (absent: none)' })),
  },
  {
    examples: [
      {
        id: 1,
        sellerId: 1,
        seller: { id: 1, shopName: 'House' },
        sku: 'COFFEE',
        title: 'Coffee voucher',
        description: '',
        kind: 'code',
        price: { amount: 1500, currency: 'CNY' },
        stock: 12,
        visible: true,
      },
    ],
  },
);

export const AdminProduct = Type.Composite([
  Product,
  Type.Object({
    listed: Type.Boolean({ description: 'false while its shop is suspended: shoppers do not see it, whatever `visible` says' }),
    webhookUrl: Nullable(Type.String()),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  }),
]);

export const ProductSort = StringEnum(PRODUCT_SORTS, {
  description: 'relevance (the default: best match first; without q the shop order, oldest first), price (cheapest first), -price, new (newest first)',
});

/** A search page also says whether counting stopped at the cap (10,000) and which order it is in. */
const SearchPageOf = <T extends TSchema>(item: T, description: string) =>
  Type.Composite([
    PageOf(item, description),
    Type.Object({
      totalCapped: Type.Boolean({ description: 'true: there are more than `total` (counting stops at 10,000)' }),
      sort: ProductSort,
    }),
  ]);

export const ProductPage = SearchPageOf(Product, 'a page of the visible products');
export const AdminProductPage = SearchPageOf(AdminProduct, 'a page of all products, hidden ones too');

export const ProductSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'words in the title, SKU or description: Latin/Cyrillic by word beginnings (any case and accent), Chinese and Japanese inside words; an exact SKU ranks first',
      }),
    ),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'a category id or path (games/keys); its subcategories are included' })),
    sort: Type.Optional(ProductSort),
  },
  { additionalProperties: false },
);

export const LangQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 35,
        description: `the language of titles and descriptions (${LANGUAGES.join(', ')}; zh-CN works too); else the Accept-Language header; else each product's own`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const AcceptLanguageHeader = Type.Object({
  'accept-language': Type.Optional(
    Type.String({ description: 'used when there is no ?lang=: the first language the shop speaks', examples: ['zh-CN,zh;q=0.9'] }),
  ),
});

/** The public catalog reads: a language, and the ETag of a copy the client holds. */
export const CatalogReadHeaders = Type.Composite([
  AcceptLanguageHeader,
  Type.Object({
    'if-none-match': Type.Optional(Type.String({ description: 'the ETag of an earlier answer: 304 with no body while it is still what would be sent' })),
  }),
]);

/** 304 to an If-None-Match that still holds (no body). */
export const NotModified = Type.Null({ description: 'not modified: the copy with that ETag is current' });

/** `?q=&category=&sort=` as the domain takes them. */
export const productFilters = (query: Static<typeof ProductSearchQuery>) => ({ q: query.q, category: query.category, sort: query.sort });

/** `?lang=` wins over Accept-Language; neither: the products' own texts. */
export const askedLanguage = (query: Static<typeof LangQuery>, acceptLanguage: string | undefined) => query.lang ?? acceptLanguage ?? null;

const productFields = {
  sku: Type.String({ minLength: 1, maxLength: 64, description: 'letters, digits, - and _; unique' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  kind: ProductKind,
  price: Money,
  stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'null = unlimited; code products count their pool' }))),
  visible: Type.Optional(Type.Boolean()),
  creditAmount: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'credit packs only' }))),
  webhookUrl: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'webhook products only: https URL of the merchant endpoint' }))),
  starsPrice: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: MIN_STARS,
        maximum: MAX_STARS,
        description: 'digital goods only (code, credit, webhook): its price in Telegram Stars, whole stars; null = not sold for Stars',
      }),
    ),
  ),
  photoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  categoryId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'a category id; null = in no category' }))),
};

export const CreateProductBody = Type.Object(productFields, {
  additionalProperties: false,
  examples: [{ sku: 'COFFEE', title: 'Coffee voucher', kind: 'code', price: { amount: 1500, currency: 'CNY' } }],
});

export const UpdateProductBody = Type.Partial(CreateProductBody, {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ price: { amount: 1800, currency: 'CNY' }, visible: false }],
});

export const AddCodesBody = Type.Object(
  { codes: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 10000 }) },
  { additionalProperties: false, examples: [{ codes: ['AAAA-1111', 'BBBB-2222'] }] },
);

export const CodesAdded = Type.Object({
  added: Type.Integer(),
  duplicates: Type.Integer({ description: 'codes already in the pool, skipped' }),
  stock: Type.Integer({ description: 'unsold codes now' }),
});

export const Category = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  slug: Type.String({ description: 'a-z 0-9 -, unique among its siblings' }),
  path: Type.String({ description: 'the slugs from the top, e.g. games/keys: unique, usable as ?category=' }),
  position: Type.Integer({ description: 'order among its siblings (lower first)' }),
  name: Type.String(),
});

export const CategoryTree = Type.Object(
  { items: Type.Array(Type.Composite([Category, Type.Object({ depth: Type.Integer({ minimum: 0, description: '0 = top level' }) })])) },
  { description: 'every category, each parent right before its children (siblings by position)' },
);

const categoryFields = {
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'the parent category; null/absent = top level' }))),
  slug: Type.String({ minLength: 1, maxLength: 48, description: 'a-z 0-9 -, starting with a letter or digit' }),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  position: Type.Optional(Type.Integer({ minimum: 0 })),
};

export const CreateCategoryBody = Type.Object(categoryFields, { additionalProperties: false, examples: [{ slug: 'keys', name: 'Game keys', parentId: 1 }] });
export const UpdateCategoryBody = Type.Partial(CreateCategoryBody, {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ position: 2 }, { parentId: 3, slug: 'steam' }],
});

const ProductText = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: MAX_TEXT_TITLE }),
    description: Type.Optional(Nullable(Type.String({ maxLength: MAX_TEXT_DESCRIPTION, description: "absent/null: the product's own description" }))),
  },
  { additionalProperties: false },
);

/** One entry per language; the product's own title and description stay on the product. */
export const ProductTexts = Type.Partial(
  Type.Object(Object.fromEntries(LANGUAGES.map((lang) => [lang, ProductText])) as Record<(typeof LANGUAGES)[number], typeof ProductText>),
  {
    additionalProperties: false,
    description: "a product's title and description in other languages",
    examples: [{ zh: { title: '会员月卡', description: '三十天' }, ru: { title: 'Месячный абонемент' } }],
  },
);
