import { ZERO, addMinor, subtractMinor, sumMinor } from '../shared/money';
import { HOUSE_SELLER_ID } from '../catalog';
import { DeliveryChoice, OrderLine, OrderState, OrderStatus, PaymentMethod } from './order-types';

export interface PlaceOrderInput {
  orderNo: string;
  userId: string;
  lines: OrderLine[];
  currency: string;
  paymentMethod: PaymentMethod;
  idempotencyKey: string | null;
  requestHash: string | null;
  now: Date;
  payWindowMs: number;
  /** The coupon whose discount the lines carry (each line's `discount`). */
  couponCode?: string | null;
  /** A checkout's seller order: whose it is, under which checkout, its hold and delivery (absent: the house's own order). */
  seller?: { sellerId: number; checkoutNo: string; confirmWindowMinutes: number | null; delivery: DeliveryChoice | null };
}

/** Canonical key of what was bought: the same items in any order give the same key. */
export const itemsKeyOf = (lines: Array<{ productId: number; quantity: number }>): string =>
  [...lines]
    .sort((a, b) => a.productId - b.productId)
    .map((l) => `${l.productId}x${l.quantity}`)
    .join(',');

/**
 * The Order aggregate: how an order comes to be and what it holds. How it changes afterwards is the state machine's
 * (`transition` in order-state-machine.ts), so every change — refunds included — goes through one guarded table.
 */
export class Order {
  private constructor(private readonly state: OrderState) {}

  static restore(state: OrderState): Order {
    return new Order(state);
  }

  static place(input: PlaceOrderInput): Order {
    const delivery = input.seller?.delivery ?? null;
    const discount = sumMinor(input.lines.map((l) => l.discount));
    // The discount comes off the goods; a delivery fee is paid in full.
    const total = addMinor(subtractMinor(sumMinor(input.lines.map((l) => l.lineTotal)), discount), delivery?.fee ?? ZERO);
    return new Order({
      orderNo: input.orderNo,
      userId: input.userId,
      status: 'CREATED',
      currency: input.currency,
      totalAmount: total,
      paymentMethod: input.paymentMethod,
      lines: input.lines,
      couponCode: discount > 0 ? (input.couponCode ?? null) : null,
      discountAmount: discount,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      itemsKey: itemsKeyOf(input.lines),
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.payWindowMs),
      paidAt: null,
      deliveredAt: null,
      closedAt: null,
      closeReason: null,
      deliveryAttempts: 0,
      nextDeliveryAt: null,
      lastDeliveryError: null,
      refundedAmount: ZERO,
      fulfilmentNote: null,
      sellerId: input.seller?.sellerId ?? HOUSE_SELLER_ID,
      checkoutNo: input.seller?.checkoutNo ?? null,
      confirmWindowMinutes: input.seller?.confirmWindowMinutes ?? null,
      confirmBy: null,
      delivery,
      shipment: null,
    });
  }

  get snapshot(): OrderState {
    return this.state;
  }

  get orderNo(): string {
    return this.state.orderNo;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  hasManualLines(): boolean {
    return this.state.lines.some((l) => l.kind === 'manual');
  }

  /** Physical lines: handed over by the seller's shipment, not by delivery. */
  hasPhysicalLines(): boolean {
    return this.state.lines.some((l) => l.kind === 'physical');
  }
}
