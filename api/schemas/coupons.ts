import { Type } from '@sinclair/typebox';
import { COUPON_KINDS, COUPON_SCOPES, FULL_PERCENT_BP } from '../../domain/coupons';
import { DateTime, Money, Nullable, PageOf, StringEnum } from './common';
import { CouponCode, PaymentMethod } from './ordering';

const Scope = Type.Object(
  {
    kind: StringEnum(COUPON_SCOPES, {
      description: "all: every good of the coupon's seller; products / categories: the listed ones (a category covers those below it)",
    }),
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200, description: 'product or category ids; none for all' })),
  },
  { additionalProperties: false },
);

const terms = {
  kind: StringEnum(COUPON_KINDS, { description: 'fixed: value is minor units off; percent: value is basis points off (1000 = 10 %)' }),
  value: Type.Integer({ minimum: 1, description: `fixed: minor units; percent: basis points, 1–${FULL_PERCENT_BP}` }),
  minTotal: Type.Optional(
    Type.Integer({ minimum: 0, description: "the coupon's seller's goods must come to at least this (minor units, before the discount)" }),
  ),
  sellerId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'whose goods it discounts and who bears it (their order total is what is paid); default 1, the house' }),
  ),
  scope: Type.Optional(Scope),
  startsAt: Type.Optional(Nullable(DateTime('valid from (null: at once)'))),
  endsAt: Type.Optional(Nullable(DateTime('valid until, exclusive (null: no end)'))),
  totalLimit: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, description: 'purchases that may hold it (closed unpaid ones give theirs back); null: no limit' })),
  ),
  perShopperLimit: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'per shopper; null: no limit' }))),
  firstOrderOnly: Type.Optional(Type.Boolean({ description: 'only for a shopper without an order paid or awaiting payment' })),
  active: Type.Optional(Type.Boolean({ description: 'false: refused for new purchases (those holding it keep their discount)' })),
};

export const CreateCouponBody = Type.Object(
  { code: Type.String({ minLength: 3, maxLength: 32, description: 'letters, digits, - and _; case does not matter (kept upper-case)' }), ...terms },
  { additionalProperties: false, examples: [{ code: 'WELCOME10', kind: 'percent', value: 1000, totalLimit: 50, perShopperLimit: 1, firstOrderOnly: true }] },
);

export const UpdateCouponBody = Type.Object(
  { ...terms, kind: Type.Optional(terms.kind), value: Type.Optional(terms.value) },
  { additionalProperties: false, examples: [{ active: false }] },
);

export const Coupon = Type.Object({
  code: Type.String(),
  kind: StringEnum(COUPON_KINDS),
  value: Type.Integer(),
  currency: Type.String(),
  minTotal: Money,
  sellerId: Type.Integer(),
  scope: Type.Object({ kind: StringEnum(COUPON_SCOPES), ids: Type.Array(Type.Integer()) }),
  startsAt: Nullable(DateTime()),
  endsAt: Nullable(DateTime()),
  totalLimit: Nullable(Type.Integer()),
  perShopperLimit: Nullable(Type.Integer()),
  firstOrderOnly: Type.Boolean(),
  active: Type.Boolean(),
  used: Type.Integer({ description: 'purchases holding it now (unpaid or paid)' }),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});

export const CouponPage = PageOf(Coupon, 'coupons, newest first');

export const CouponReport = Type.Object({
  coupon: Coupon,
  uses: Type.Integer({ description: 'purchases that took it, released ones included' }),
  released: Type.Integer({ description: 'of those, closed unpaid: their use came back' }),
  paidOrders: Type.Integer({ description: 'paid orders holding it' }),
  discountGiven: Money,
  revenue: Money,
  refunded: Money,
});

export const CouponCodeParams = Type.Object({ code: CouponCode });

export const PreviewCouponBody = Type.Object(
  {
    coupon: CouponCode,
    items: Type.Optional(Type.Array(Type.Object({ productId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1 }) }), { minItems: 1 })),
    paymentMethod: Type.Optional(PaymentMethod),
  },
  { additionalProperties: false, examples: [{ coupon: 'welcome10' }] },
);

export const CouponPreview = Type.Object({
  code: Type.String(),
  goods: Money,
  discount: Money,
  total: Money,
  items: Type.Array(Type.Object({ productId: Type.Integer(), title: Type.String(), lineTotal: Money, discount: Money })),
});
