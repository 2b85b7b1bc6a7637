// Buying from several sellers: checkouts, delivery options, the shipping address, and sellers' order actions.
import { Type } from '@sinclair/typebox';
import { CHECKOUT_STATUSES } from '../../domain/ordering';
import { DateTime, Money, Nullable, StringEnum } from './common';
import { CouponCode, Order, PaymentMethod, QrPayment } from './ordering';

export const ShippingAddress = Type.Object(
  {
    recipient: Type.String({ minLength: 1, maxLength: 64 }),
    phone: Type.String({ minLength: 3, maxLength: 32, description: 'digits, spaces and + - ( )' }),
    address: Type.String({ minLength: 5, maxLength: 300 }),
  },
  {
    description: 'where physical goods go; kept per shopper and used again when a checkout names none',
    examples: [{ recipient: 'Li Lei', phone: '+86 138 0000 0000', address: '1 Nanjing Road, Shanghai' }],
  },
);

export const DeliveryOption = Type.Object({
  id: Type.Integer(),
  sellerId: Type.Integer(),
  name: Type.String(),
  fee: Money,
  estimatedDays: Type.Integer({ minimum: 0 }),
});

export const DeliveryOptionList = Type.Object({ items: Type.Array(DeliveryOption) });

export const NewDeliveryOption = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 64 }),
  fee: Type.Integer({ minimum: 0, description: 'minor units, added to the seller order when picked' }),
  estimatedDays: Type.Integer({ minimum: 0, maximum: 365 }),
});

export const PlaceCheckoutBody = Type.Object(
  {
    items: Type.Optional(Type.Array(Type.Object({ productId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1 }) }), { minItems: 1 })),
    fromCart: Type.Optional(Type.Boolean({ description: 'buy the cart instead of `items`' })),
    paymentMethod: PaymentMethod,
    delivery: Type.Optional(
      Type.Array(Type.Object({ sellerId: Type.Integer({ minimum: 1 }), optionId: Type.Integer({ minimum: 1 }) }), {
        description: 'for each seller of physical goods, which of their delivery options (GET /v1/sellers/:id/delivery-options)',
      }),
    ),
    address: Type.Optional(ShippingAddress),
    coupon: Type.Optional(CouponCode),
  },
  { examples: [{ fromCart: true, paymentMethod: 'wechatpay', delivery: [{ sellerId: 2, optionId: 1 }] }] },
);

export const Checkout = Type.Object({
  checkoutNo: Type.String(),
  status: StringEnum(CHECKOUT_STATUSES, { description: 'OPEN until paid (or closed unpaid); its seller orders then go their own ways' }),
  total: Money,
  paymentMethod: PaymentMethod,
  createdAt: DateTime(),
  expiresAt: DateTime('until when it can be paid'),
  paidAt: Nullable(DateTime()),
  orders: Type.Array(Order, { description: 'one per seller' }),
  payment: Type.Optional(QrPayment),
  refunded: Type.Optional(Money),
});

export const CheckoutNoParams = Type.Object({
  checkoutNo: Type.String({ pattern: '^C[0-9]{24}$', description: 'a checkout number, e.g. C20260301100000123456789012' }),
});

export const ShipBody = Type.Object({ carrier: Type.String({ minLength: 1, maxLength: 64 }), trackingNo: Type.String({ minLength: 1, maxLength: 64 }) });

/** `{}`, `{ "note": "…" }` (shown to the shopper with the order), or no body at all. */
export const FulfilBody = Type.Union([
  Type.Object({ note: Type.Optional(Type.String({ maxLength: 500, description: 'shown to the shopper' })) }, { additionalProperties: false }),
  Type.Null(),
]);

export const CancelBody = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
