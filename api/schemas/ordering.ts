import { Type } from '@sinclair/typebox';
import { ORDER_STATUSES, PAYMENT_METHODS } from '../../domain/ordering';
import { STUCK_REASONS } from '../../domain/reporting';
import { ProductKind } from './catalog';
import { DateTime, Money, Nullable, PageOf, StringEnum } from './common';

export const CouponCode = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'a coupon code (any case); its discount is in the total. Refused with a COUPON_* code when it does not hold; not taken for Telegram Stars',
});

export const OrderStatus = StringEnum(ORDER_STATUSES, { description: 'where the order is in its life (see ARCHITECTURE.md, "The order\'s states")' });
export const PaymentMethod = StringEnum(PAYMENT_METHODS, {
  description:
    'credit: from the balance at once; wechatpay: a WeChat Pay Native QR code to scan; alipay: an Alipay face-to-face QR code to scan; stars: Telegram Stars (XTR), digital goods with a Stars price, the order priced in whole stars',
});

const OrderLine = Type.Object({
  productId: Type.Integer(),
  sku: Type.String(),
  title: Type.String(),
  kind: ProductKind,
  quantity: Type.Integer({ minimum: 1 }),
  unitPrice: Money,
  lineTotal: Money,
  discount: Type.Optional(Money),
  credit: Type.Optional(Money),
});

export const Order = Type.Object(
  {
    orderNo: Type.String(),
    status: OrderStatus,
    items: Type.Array(OrderLine),
    total: Money,
    coupon: Type.Optional(
      Type.Object(
        { code: Type.String(), discount: Money },
        { description: "the coupon that discounted it: the total is Σ(lineTotal - the line's discount) + the delivery fee" },
      ),
    ),
    paymentMethod: PaymentMethod,
    createdAt: DateTime(),
    expiresAt: DateTime('until when an unpaid order can be paid'),
    paidAt: Nullable(DateTime()),
    deliveredAt: Nullable(DateTime()),
    closedAt: Nullable(DateTime()),
    closeReason: Type.Optional(Type.String()),
    refunded: Type.Optional(Money),
    fulfilmentNote: Type.Optional(Type.String()),
    codes: Type.Optional(Type.Array(Type.String(), { description: 'the codes handed over (code products, once delivered)' })),
    sellerId: Type.Optional(Type.Integer({ description: "the shop that sells it (1 = the house); present on a checkout's seller orders" })),
    checkoutNo: Type.Optional(Type.String({ description: "the checkout it belongs to: its one payment is the checkout's" })),
    confirmBy: Type.Optional(Nullable(DateTime('AWAITING_SELLER until: past it the order is cancelled and refunded'))),
    delivery: Type.Optional(
      Type.Object(
        { name: Type.String(), fee: Money, estimatedDays: Type.Integer(), address: Type.String() },
        { description: 'physical goods: the delivery option picked and where to (its fee is in the total)' },
      ),
    ),
    shipment: Type.Optional(
      Type.Object(
        { carrier: Type.String(), trackingNo: Type.String(), shippedAt: DateTime(), receiveBy: DateTime('completes by itself then, if not confirmed') },
        { description: 'once the seller shipped it' },
      ),
    ),
  },
  {
    examples: [
      {
        orderNo: 'T20260301100000123456789012',
        status: 'DELIVERED',
        items: [
          {
            productId: 1,
            sku: 'COFFEE',
            title: 'Coffee voucher',
            kind: 'code',
            quantity: 1,
            unitPrice: { amount: 1500, currency: 'CNY' },
            lineTotal: { amount: 1500, currency: 'CNY' },
          },
        ],
        total: { amount: 1500, currency: 'CNY' },
        paymentMethod: 'credit',
        createdAt: '2026-03-01T10:00:00.000Z',
        expiresAt: '2026-03-01T10:15:00.000Z',
        paidAt: '2026-03-01T10:00:00.000Z',
        deliveredAt: '2026-03-01T10:00:01.000Z',
        closedAt: null,
        codes: ['AAAA-1111'],
      },
    ],
  },
);

const PaymentRow = Type.Object({
  provider: Type.String(),
  outTradeNo: Type.String(),
  status: Type.String(),
  amount: Money,
  transactionId: Nullable(Type.String()),
  paidAt: Nullable(DateTime()),
});

export const AdminOrder = Type.Composite([
  Order,
  Type.Object({
    userId: Type.String(),
    deliveryAttempts: Type.Integer(),
    nextDeliveryAt: Nullable(DateTime()),
    lastDeliveryError: Nullable(Type.String()),
    payments: Type.Optional(Type.Array(PaymentRow)),
  }),
]);

export const QrPayment = Type.Object(
  {
    status: StringEnum(['READY', 'RETRYING'] as const, { description: 'READY: scan codeUrl (or qrUrl); RETRYING: the provider did not answer yet, ask again' }),
    codeUrl: Type.Optional(Type.String({ description: 'weixin:// (or Alipay) URL to render as a QR code; for stars, the invoice link' })),
    invoiceLink: Type.Optional(
      Type.String({ description: 'stars only: the Telegram invoice link (createInvoiceLink) for WebApp.openInvoice; the chat gets the invoice itself' }),
    ),
    qrUrl: Type.Optional(Type.String({ description: 'the same code as a PNG from this API' })),
    message: Type.Optional(Type.String()),
    expiresAt: DateTime(),
  },
  {
    examples: [
      {
        status: 'READY',
        codeUrl: 'weixin://wxpay/bizpayurl?pr=abc',
        qrUrl: 'https://shop.example/v1/orders/T2026…/qr.png',
        expiresAt: '2026-03-01T10:15:00.000Z',
      },
    ],
  },
);

export const PlacedOrder = Type.Composite([Order, Type.Object({ payment: Type.Optional(QrPayment) })]);

export const OrderPage = PageOf(Order, "a page of the shopper's own orders, newest first");
export const AdminOrderPage = PageOf(AdminOrder, 'a page of all orders, newest first');

const QuantityItem = Type.Object(
  { productId: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1, description: 'at most 99 per line' }) },
  { additionalProperties: false },
);
export { QuantityItem };

export const PlaceOrderBody = Type.Object(
  {
    items: Type.Optional(Type.Array(QuantityItem, { minItems: 1, maxItems: 100, description: 'what to buy; or send fromCart: true' })),
    fromCart: Type.Optional(Type.Boolean({ description: 'buy what is in the cart' })),
    paymentMethod: PaymentMethod,
    coupon: Type.Optional(CouponCode),
  },
  {
    additionalProperties: false,
    examples: [
      { items: [{ productId: 1, quantity: 2 }], paymentMethod: 'wechatpay' },
      { fromCart: true, paymentMethod: 'credit' },
    ],
  },
);

export const Cart = Type.Object({
  items: Type.Array(
    Type.Object({
      productId: Type.Integer(),
      title: Type.String(),
      kind: ProductKind,
      unitPrice: Money,
      quantity: Type.Integer(),
      lineTotal: Money,
      available: Type.Boolean({ description: 'false when hidden or sold out since it was added: checkout will refuse it' }),
    }),
  ),
  total: Money,
});

export const StuckOrder = Type.Object({
  reason: StringEnum(STUCK_REASONS, {
    description:
      'REFUND_STUCK: refund still PROCESSING; DELIVERY_STUCK: delivery attempts used up; DELIVERY_FAILING: retried with backoff; AWAITING_FULFILMENT: a manual line waits for an admin; NOT_DELIVERED: due but never tried (pump or job down); NOT_CLOSED: pay window over, still unpaid',
  }),
  since: DateTime('since when it waits'),
  detail: Nullable(Type.String({ description: 'the last error the repair saw' })),
  refund: Nullable(
    Type.Object({ outRefundNo: Type.String(), amount: Money, status: Type.String(), lastError: Nullable(Type.String()), createdAt: DateTime() }),
  ),
  order: AdminOrder,
});

export const StuckOrderPage = PageOf(StuckOrder, 'orders waiting longer than they should: stuck refunds first, then undelivered, then unclosed');
