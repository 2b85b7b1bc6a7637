import { EntityManager, FindOptionsWhere, In, IsNull, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, Not } from 'typeorm';
import {
  OrderListQuery,
  OrderRepository,
  StuckOrderQuery,
  SalesSummary,
  ShopperReservations,
  UNPAID_STATUSES,
  OrderChanges,
  OrderState,
  OrderStatus,
  OrderTransition,
  PaymentMethod,
} from '../../../domain/ordering';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { OrderEntity, OrderRow } from './order-entity';
import { OrderLineEntity, OrderLineRow } from './order-line-entity';
import { orderColumnsFromChanges, orderFromRow, orderLineRow, orderRow } from './order-mapping';
import { isDuplicateOf } from '../store-errors';
import { querySalesSummary } from './sales-summary-query';
import { UNIQUE_KEYS } from '../unique-keys';

export class TypeormOrderRepository implements OrderRepository {
  constructor(private readonly manager: EntityManager) {}

  salesSummary(from: Date, to: Date, top: number): Promise<SalesSummary> {
    return querySalesSummary(this.manager, from, to, top);
  }

  async insert(order: OrderState): Promise<'INSERTED' | 'DUPLICATE_IDEMPOTENCY_KEY' | 'DUPLICATE_ORDER_NO'> {
    try {
      await this.manager.createQueryBuilder().insert().into(OrderEntity).values(orderRow(order)).updateEntity(false).execute();
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.orderIdempotency)) return 'DUPLICATE_IDEMPOTENCY_KEY';
      if (isDuplicateOf(error, UNIQUE_KEYS.orderNo)) return 'DUPLICATE_ORDER_NO';
      throw error;
    }
    if (order.lines.length > 0) {
      const lines = order.lines.map((line) => orderLineRow(order.orderNo, line));
      await this.manager.createQueryBuilder().insert().into(OrderLineEntity).values(lines).updateEntity(false).execute();
    }
    return 'INSERTED';
  }

  async findByNo(orderNo: string): Promise<OrderState | null> {
    return this.findOne({ order_no: orderNo });
  }

  async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<OrderState | null> {
    return this.findOne({ user_id: userId, idempotency_key: idempotencyKey });
  }

  async hasOrdersHeldOrPaid(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      "SELECT 1 AS one FROM orders WHERE user_id = ? AND (paid_at IS NOT NULL OR status IN ('CREATED', 'AWAITING_PAYMENT')) LIMIT 1",
      [userId],
    );
    return rows.length > 0;
  }

  async findReusable(userId: string, itemsKey: string, paymentMethod: PaymentMethod, payableUntil: Date): Promise<OrderState | null> {
    const rows = await this.manager.find(OrderEntity, {
      where: {
        user_id: userId,
        status: In([...UNPAID_STATUSES]),
        items_key: itemsKey,
        payment_method: paymentMethod,
        expires_at: MoreThanOrEqual(toMs(payableUntil)),
        // A checkout's seller order is paid with its checkout, never handed back as an order of its own.
        checkout_no: IsNull(),
      },
      order: { created_at: 'DESC', order_no: 'DESC' },
      take: 1,
    });
    return (await this.withLines(rows))[0] ?? null;
  }

  async reservationsOf(userId: string, now: Date, releasedSince: Date): Promise<ShopperReservations> {
    // One round trip inside the placement transaction (it replaced a COUNT): both halves use ix_orders_user_status.
    // A checkout's seller orders are one unpaid purchase: the cap counts checkouts, not their orders.
    const unpaid = UNPAID_STATUSES.map(() => '?').join(', ');
    const rows = (await this.manager.query(
      `SELECT ol.product_id AS product_id,
              SUM(CASE WHEN o.status = 'CLOSED' THEN 0 ELSE ol.quantity END) AS held,
              SUM(CASE WHEN o.status = 'CLOSED' THEN ol.quantity ELSE 0 END) AS released,
              MAX(CASE WHEN o.status = 'CLOSED' THEN o.closed_at ELSE NULL END) AS last_closed,
              (SELECT COUNT(DISTINCT COALESCE(u.checkout_no, u.order_no)) FROM orders u
                WHERE u.user_id = ? AND u.status IN (${unpaid}) AND u.expires_at > ?) AS unpaid_orders
       FROM orders o JOIN order_lines ol ON ol.order_no = o.order_no
       WHERE o.user_id = ? AND ((o.status IN (${unpaid}) AND o.expires_at > ?) OR (o.status = 'CLOSED' AND o.closed_at > ?))
       GROUP BY ol.product_id`,
      [userId, ...UNPAID_STATUSES, toMs(now), userId, ...UNPAID_STATUSES, toMs(now), toMs(releasedSince)],
    )) as Array<Record<string, unknown>>;
    const lastClosed = rows.reduce((max, r) => (r.last_closed === null ? max : Math.max(max, Number(r.last_closed))), -1);
    return {
      unpaidOrders: rows.length === 0 ? 0 : Number(rows[0]?.unpaid_orders),
      products: rows.map((r) => ({ productId: Number(r.product_id), held: Number(r.held), released: Number(r.released) })),
      lastReleasedAt: lastClosed < 0 ? null : new Date(lastClosed),
    };
  }

  async list(query: OrderListQuery): Promise<{ items: OrderState[]; total: number }> {
    const where: FindOptionsWhere<OrderRow> = {};
    if (query.status !== undefined) where.status = query.status;
    if (query.userId !== undefined) where.user_id = query.userId;
    const [rows, total] = await this.manager.findAndCount(OrderEntity, {
      where,
      order: { created_at: 'DESC', order_no: 'DESC' },
      skip: Math.max(0, query.offset),
      take: Math.max(1, query.limit),
    });
    return { items: await this.withLines(rows), total };
  }

  async applyTransition(transition: OrderTransition): Promise<boolean> {
    return this.conditionalUpdate(transition.orderNo, transition.from, transition.to, transition.changes);
  }

  async findExpiredUnpaid(now: Date, limit: number): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, {
      where: { status: In([...UNPAID_STATUSES]), expires_at: LessThanOrEqual(toMs(now)) },
      order: { expires_at: 'ASC', order_no: 'ASC' },
      take: limit,
    });
    return this.withLines(rows);
  }

  async findAwaitingPrepay(createdBefore: Date, now: Date, limit: number): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, {
      where: { status: 'CREATED', created_at: LessThan(toMs(createdBefore)), expires_at: MoreThan(toMs(now)) },
      order: { created_at: 'ASC', order_no: 'ASC' },
      take: limit,
    });
    return this.withLines(rows);
  }

  async listStuck(query: StuckOrderQuery): Promise<{ items: OrderState[]; total: number }> {
    const [rows, total] = await this.manager.findAndCount(OrderEntity, {
      where: [
        { status: 'PAID', paid_at: LessThan(toMs(query.paidBefore)) },
        { status: In([...UNPAID_STATUSES]), expires_at: LessThan(toMs(query.expiredBefore)) },
      ],
      order: { created_at: 'ASC', order_no: 'ASC' },
      skip: Math.max(0, query.offset),
      take: Math.max(1, query.limit),
    });
    return { items: await this.withLines(rows), total };
  }

  /** A PAID order with no next attempt scheduled (NULL compares false) is not due: scheduling is the caller's decision. */
  async findDeliveryDue(now: Date, limit: number): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, {
      where: { status: 'PAID', next_delivery_at: LessThanOrEqual(toMs(now)) },
      order: { next_delivery_at: 'ASC', order_no: 'ASC' },
      take: limit,
    });
    return this.withLines(rows);
  }

  async findByCheckout(checkoutNo: string): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, { where: { checkout_no: checkoutNo }, order: { seller_id: 'ASC', order_no: 'ASC' } });
    return this.withLines(rows);
  }

  async listBySeller(sellerId: number, query: { status?: OrderStatus; limit: number; offset: number }): Promise<{ items: OrderState[]; total: number }> {
    const status = query.status !== undefined ? query.status : Not(In([...UNPAID_STATUSES, 'CLOSED']));
    const [rows, total] = await this.manager.findAndCount(OrderEntity, {
      where: { seller_id: sellerId, status },
      order: { created_at: 'DESC', order_no: 'DESC' },
      skip: Math.max(0, query.offset),
      take: Math.max(1, query.limit),
    });
    return { items: await this.withLines(rows), total };
  }

  async findConfirmOverdue(now: Date, limit: number): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, {
      where: { status: 'AWAITING_SELLER', confirm_by: LessThanOrEqual(toMs(now)) },
      order: { confirm_by: 'ASC', order_no: 'ASC' },
      take: limit,
    });
    return this.withLines(rows);
  }

  async findReceiveOverdue(now: Date, limit: number): Promise<OrderState[]> {
    const rows = await this.manager.find(OrderEntity, {
      where: { status: 'SHIPPED', receive_by: LessThanOrEqual(toMs(now)) },
      order: { receive_by: 'ASC', order_no: 'ASC' },
      take: limit,
    });
    return this.withLines(rows);
  }

  /** `UPDATE orders SET status = :to, … WHERE order_no = :no AND status = :from`: the row count says who won. */
  private async conditionalUpdate(orderNo: string, from: OrderStatus, to: OrderStatus, changes: OrderChanges): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ ...orderColumnsFromChanges(changes), status: to })
      .where('order_no = :orderNo AND status = :from', { orderNo, from })
      .execute();
    return affectedRows(result) === 1;
  }

  private async findOne(where: FindOptionsWhere<OrderRow>): Promise<OrderState | null> {
    const row = await this.manager.findOneBy(OrderEntity, where);
    return row ? ((await this.withLines([row]))[0] ?? null) : null;
  }

  private async withLines(rows: OrderRow[]): Promise<OrderState[]> {
    if (rows.length === 0) return [];
    const lines = await this.manager.find(OrderLineEntity, {
      where: { order_no: In(rows.map((row) => row.order_no)) },
      order: { order_no: 'ASC', line_no: 'ASC' },
    });
    const byOrder = new Map<string, OrderLineRow[]>();
    for (const line of lines) {
      const group = byOrder.get(line.order_no);
      if (group) group.push(line);
      else byOrder.set(line.order_no, [line]);
    }
    return rows.map((row) => orderFromRow(row, byOrder.get(row.order_no) ?? []));
  }
}
