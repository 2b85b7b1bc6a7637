import { Type } from '@sinclair/typebox';
import { PRODUCT_KINDS } from '../../domain/catalog';
import { DateTime, Money, Nullable, PageOf, StringEnum } from './common';

export const ProductKind = StringEnum(PRODUCT_KINDS, {
  description: 'credit: tops up the balance; code: hands over a code from the pool; manual: an admin fulfils it; webhook: the merchant endpoint fulfils it',
});

export const Product = Type.Object(
  {
    id: Type.Integer(),
    sku: Type.String(),
    title: Type.String(),
    description: Type.String(),
    kind: ProductKind,
    price: Money,
    stock: Nullable(Type.Integer({ minimum: 0, description: 'units left; null = unlimited' })),
    visible: Type.Boolean(),
    creditAmount: Type.Optional(Nullable(Type.Integer({ description: 'credit packs: minor units added per unit bought' }))),
    photoUrl: Type.Optional(Type.String()),
  },
  {
    examples: [
      { id: 1, sku: 'COFFEE', title: 'Coffee voucher', description: '', kind: 'code', price: { amount: 1500, currency: 'CNY' }, stock: 12, visible: true },
    ],
  },
);

export const AdminProduct = Type.Composite([Product, Type.Object({ webhookUrl: Nullable(Type.String()), createdAt: DateTime(), updatedAt: DateTime() })]);

export const ProductPage = PageOf(Product, 'a page of the visible products');
export const AdminProductPage = PageOf(AdminProduct, 'a page of all products, hidden ones too');

export const ProductSearchQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100, description: 'words in the title or SKU' })) },
  { additionalProperties: false },
);

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
  photoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
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
