// JSON schemas shared by the routes. Bodies are strict (no unknown fields, no type coercion): a wrong type is a 400.

export const moneySchema = {
  type: 'object',
  required: ['amount', 'currency'],
  additionalProperties: false,
  properties: { amount: { type: 'integer' }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
    },
  },
} as const;

export const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
} as const;

export const orderNoParam = {
  type: 'object',
  required: ['orderNo'],
  properties: { orderNo: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const productIdParam = {
  type: 'object',
  required: ['productId'],
  properties: { productId: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
} as const;

/** Query strings arrive as text; numbers are checked here and converted by the route. */
export const pagingQuery = {
  page: { type: 'string', pattern: '^[1-9][0-9]{0,6}$' },
  pageSize: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
} as const;

const productProperties = {
  sku: { type: 'string', minLength: 1, maxLength: 64 },
  title: { type: 'string', minLength: 1, maxLength: 200 },
  description: { type: 'string', maxLength: 4000 },
  kind: { type: 'string', enum: ['credit', 'code', 'manual', 'webhook'] },
  price: moneySchema,
  stock: { type: ['integer', 'null'], minimum: 0 },
  visible: { type: 'boolean' },
  creditAmount: { type: ['integer', 'null'], minimum: 1 },
  webhookUrl: { type: ['string', 'null'], maxLength: 500 },
  photoUrl: { type: ['string', 'null'], maxLength: 500 },
  categoryId: { type: ['integer', 'null'], minimum: 1 },
} as const;

export const createProductBody = {
  type: 'object',
  required: ['sku', 'title', 'kind', 'price'],
  additionalProperties: false,
  properties: productProperties,
} as const;

export const updateProductBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: productProperties,
} as const;

export const quantityItem = {
  type: 'object',
  required: ['productId', 'quantity'],
  additionalProperties: false,
  properties: { productId: { type: 'integer', minimum: 1 }, quantity: { type: 'integer', minimum: 1 } },
} as const;
