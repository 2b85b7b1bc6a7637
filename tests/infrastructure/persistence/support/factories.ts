import { minor, price } from '../../../../domain/shared/money';
import { ProductDraft } from '../../../../domain/catalog';
import { OrderLine, OrderState } from '../../../../domain/ordering';
import { NewPayment, NewRefund } from '../../../../domain/payment';

export const T0 = new Date('2026-01-15T08:00:00.000Z');
export const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);
export const MINUTE = 60_000;

let sequence = 0;
const next = (): number => (sequence += 1);

export const productDraft = (overrides: Partial<ProductDraft> = {}): ProductDraft => ({
  sellerId: 1,
  sku: `SKU-${next()}`,
  title: 'OpenAI credit pack',
  description: 'Adds credits to your balance',
  kind: 'credit',
  price: price(990, 'CNY'),
  stock: null,
  visible: true,
  creditAmount: minor(1000),
  webhookUrl: null,
  starsPrice: null,
  photoUrl: null,
  categoryId: null,
  ...overrides,
});

export const orderLine = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  lineNo: 1,
  productId: 1,
  sku: 'SKU-1',
  title: 'OpenAI credit pack',
  kind: 'credit',
  unitPrice: minor(990),
  quantity: 1,
  lineTotal: minor(990),
  discount: minor(0),
  creditAmount: minor(1000),
  webhookUrl: null,
  ...overrides,
});

export const orderState = (overrides: Partial<OrderState> = {}): OrderState => ({
  orderNo: `T${Date.now().toString(36)}${next().toString().padStart(6, '0')}`,
  userId: '10001',
  status: 'AWAITING_PAYMENT',
  currency: 'CNY',
  totalAmount: minor(990),
  paymentMethod: 'wechatpay',
  lines: [orderLine()],
  couponCode: null,
  discountAmount: minor(0),
  idempotencyKey: null,
  requestHash: null,
  itemsKey: '1x1',
  createdAt: T0,
  expiresAt: at(15 * MINUTE),
  paidAt: null,
  deliveredAt: null,
  closedAt: null,
  closeReason: null,
  deliveryAttempts: 0,
  nextDeliveryAt: null,
  lastDeliveryError: null,
  refundedAmount: minor(0),
  fulfilmentNote: null,
  sellerId: 1,
  checkoutNo: null,
  confirmWindowMinutes: null,
  confirmBy: null,
  delivery: null,
  shipment: null,
  ...overrides,
});

export const newPayment = (overrides: Partial<NewPayment> = {}): NewPayment => ({
  orderNo: 'T1',
  provider: 'wechatpay',
  outTradeNo: `P${next().toString().padStart(8, '0')}`,
  amount: minor(990),
  currency: 'CNY',
  status: 'PENDING',
  codeUrl: null,
  expiresAt: null,
  transactionId: null,
  createdAt: T0,
  paidAt: null,
  ...overrides,
});

/** A refund of `orderNo`, which must exist: refunds.order_no is a foreign key. */
export const newRefund = (orderNo: string, overrides: Partial<NewRefund> = {}): NewRefund => ({
  outRefundNo: `R${next().toString().padStart(8, '0')}`,
  orderNo,
  provider: 'wechatpay',
  outTradeNo: `P${next().toString().padStart(8, '0')}`,
  amount: minor(990),
  currency: 'CNY',
  reason: 'out of stock after a late payment',
  status: 'PROCESSING',
  orderStatusBefore: 'PAID',
  nextCheckAt: at(MINUTE),
  createdAt: T0,
  kind: 'ORDER',
  transactionId: null,
  ...overrides,
});
