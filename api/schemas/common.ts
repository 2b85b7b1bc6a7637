// The shapes every context's routes share: the error body, money, paging, ids. One source for the JSON schema
// fastify validates and serializes with, the OpenAPI document, and the handlers' TypeScript types (TypeBox).
import { Static, TSchema, Type } from '@sinclair/typebox';

/** A string out of a fixed list: one `enum` keyword, so a refusal can list the allowed values. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable: VALIDATION_FAILED, UNAUTHORIZED, OUT_OF_STOCK, RATE_LIMITED, …' }),
      message: Type.String({ description: 'For people: what was wrong and what to do.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'More about the failure, e.g. the field that was refused.' })),
    }),
  },
  {
    description: 'Every 4xx and 5xx of the shop API has this shape.',
    examples: [{ error: { code: 'VALIDATION_FAILED', message: 'body.items.0.quantity: must be at least 1', details: { field: 'body.items.0.quantity' } } }],
  },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error statuses a route documents besides its success: every 4xx and 5xx is an ErrorBody. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

export const Money = Type.Object(
  {
    amount: Type.Integer({ description: 'Integer minor units (fen for CNY): 1999 is 19.99.' }),
    currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217 code; the shop takes one currency (CNY by default).' }),
  },
  { additionalProperties: false, examples: [{ amount: 1999, currency: 'CNY' }] },
);

const positiveId = (description: string) => Type.String({ pattern: '^[1-9][0-9]{0,15}$', description });

export const IdParams = Type.Object({ id: positiveId('a product id: a whole number from 1') });
export const ProductIdParams = Type.Object({ productId: positiveId('a product id: a whole number from 1') });
export const OrderNoParams = Type.Object({
  orderNo: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'the order number, e.g. T20260301100000123456789012',
    examples: ['T20260301100000123456789012'],
  }),
});
export const UserIdParams = Type.Object({ userId: Type.String({ pattern: '^[0-9]{1,20}$', description: 'a Telegram user id: digits only' }) });

/** Query strings arrive as text; the digits are checked here and turned into numbers by the route. */
export const PagingQuery = {
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,6}$', description: 'a page number from 1 (default 1)' })),
  pageSize: Type.Optional(
    Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'a page size: a whole number from 1 (each list has its own default and maximum)' }),
  ),
};

/** `?page=2&pageSize=10` as the domain takes it. */
export const paging = (query: { page?: string; pageSize?: string }) => ({
  page: query.page === undefined ? undefined : Number(query.page),
  pageSize: query.pageSize === undefined ? undefined : Number(query.pageSize),
});

/** One page of a list, with where it is in the whole. */
export const PageOf = <T extends TSchema>(item: T, description: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ minimum: 0, description: 'how many there are in all' }),
      page: Type.Integer({ minimum: 1 }),
      pageSize: Type.Integer({ minimum: 1 }),
    },
    { description },
  );

/** The security requirements a route documents; the route's onRequest hook enforces the same (tests/api/openapi.test.ts checks). */
export const SECURITY = {
  shopper: [{ miniAppInitData: [] }],
  admin: [{ adminBearer: [] }],
  shopperOrAdmin: [{ miniAppInitData: [] }, { adminBearer: [] }],
  /** The same init data; the seller role comes from our database (an active shop of that user). */
  seller: [{ miniAppInitData: [] }],
  providerSignature: [{ wechatpaySignature: [] }],
  alipaySignature: [{ alipaySignature: [] }],
} as const;

export const IdempotencyKeyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: '8–128 printable characters, new for each new intent; the same key replays the first answer', examples: ['7d0c4c1e-order-1'] }),
  ),
});
