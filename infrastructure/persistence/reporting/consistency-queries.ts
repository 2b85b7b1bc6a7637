import { DataSource } from 'typeorm';
import { ConsistencyChecks } from '../../../domain/reporting';

const PAID = `('AWAITING_SELLER','PAID','SHIPPED','DELIVERED','REFUNDING','REFUNDED','PARTIALLY_REFUNDED')`;
/** A checkout's seller order still holding the shopper's money for its seller: paid, neither completed nor refunded. */
const HELD = `('AWAITING_SELLER','PAID','SHIPPED','REFUNDING')`;
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The reconcile's questions as portable SQL (MySQL/MariaDB and SQLite alike), read-only. */
export class SqlConsistencyChecks implements ConsistencyChecks {
  constructor(private readonly db: DataSource) {}

  private rows(sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
    return this.db.query(sql, params) as Promise<Array<Record<string, unknown>>>;
  }

  async ledgerMismatches() {
    const rows = await this.rows(`
      SELECT a.user_id AS user_id, a.balance AS balance,
             (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_entries l WHERE l.user_id = a.user_id) AS ledger_sum,
             (SELECT l2.balance_after FROM ledger_entries l2 WHERE l2.user_id = a.user_id ORDER BY l2.id DESC LIMIT 1) AS last_after
      FROM accounts a`);
    return rows
      .map((r) => ({ userId: String(r.user_id), balance: num(r.balance), ledgerSum: num(r.ledger_sum), lastBalanceAfter: numOrNull(r.last_after) }))
      .filter((r) => r.balance !== r.ledgerSum || r.balance < 0 || (r.lastBalanceAfter !== null && r.lastBalanceAfter !== r.balance));
  }

  async paidOrdersWithoutOnePayment() {
    const rows = await this.rows(`
      SELECT o.order_no AS order_no, o.status AS status, o.total_amount AS total,
             COUNT(p.id) AS succeeded, COALESCE(SUM(p.amount), 0) AS paid
      FROM orders o LEFT JOIN payments p ON p.order_no = o.order_no AND p.status = 'SUCCEEDED'
      WHERE o.status IN ${PAID} AND o.checkout_no IS NULL
      GROUP BY o.order_no, o.status, o.total_amount
      HAVING COUNT(p.id) <> 1 OR COALESCE(SUM(p.amount), 0) <> o.total_amount`);
    return rows.map((r) => ({
      orderNo: String(r.order_no),
      status: String(r.status),
      total: num(r.total),
      succeeded: num(r.succeeded),
      paidAmount: num(r.paid),
    }));
  }

  async paymentsForUnpaidOrders() {
    const rows = await this.rows(`
      SELECT p.order_no AS order_no, o.status AS status, p.out_trade_no AS out_trade_no, p.amount AS amount
      FROM payments p JOIN orders o ON o.order_no = p.order_no
      WHERE p.status = 'SUCCEEDED' AND o.status NOT IN ${PAID}`);
    return rows.map((r) => ({ orderNo: String(r.order_no), status: String(r.status), outTradeNo: String(r.out_trade_no), amount: num(r.amount) }));
  }

  async creditDeliveryMismatches() {
    // The reference format is the one deliverOrder posts: order:<no>:line:<lineNo>.
    const rows = await this.rows(`
      SELECT ol.order_no AS order_no, ol.line_no AS line_no, ol.credit_amount * ol.quantity AS expected,
             (SELECT COUNT(*) FROM ledger_entries l WHERE l.user_id = o.user_id AND l.reference = ${this.concatRef()}) AS entries,
             (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_entries l WHERE l.user_id = o.user_id AND l.reference = ${this.concatRef()}) AS credited
      FROM order_lines ol JOIN orders o ON o.order_no = ol.order_no
      WHERE ol.kind = 'credit' AND o.delivered_at IS NOT NULL`);
    return rows
      .map((r) => ({ orderNo: String(r.order_no), lineNo: num(r.line_no), expected: num(r.expected), entries: num(r.entries), credited: num(r.credited) }))
      .filter((r) => r.entries !== 1 || r.credited !== r.expected);
  }

  async codeStockMismatches() {
    const rows = await this.rows(`
      SELECT pr.id AS id, pr.stock AS stock,
             (SELECT COUNT(*) FROM product_codes c WHERE c.product_id = pr.id AND c.status = 'AVAILABLE') AS available
      FROM products pr WHERE pr.kind = 'code'`);
    return rows.map((r) => ({ productId: num(r.id), stock: numOrNull(r.stock), available: num(r.available) })).filter((r) => r.stock !== r.available);
  }

  async codeStateMismatches() {
    const rows = await this.rows(`
      SELECT c.id AS id, c.status AS status, c.order_no AS order_no, o.status AS order_status, o.delivered_at AS delivered_at
      FROM product_codes c LEFT JOIN orders o ON o.order_no = c.order_no
      WHERE (c.status = 'AVAILABLE' AND c.order_no IS NOT NULL)
         OR (c.status <> 'AVAILABLE' AND o.order_no IS NULL)
         OR (c.status = 'RESERVED' AND o.status NOT IN ('CREATED','AWAITING_PAYMENT','AWAITING_SELLER','PAID','REFUNDING'))
         OR (c.status = 'DELIVERED' AND o.delivered_at IS NULL)`);
    return rows.map((r) => ({
      codeId: num(r.id),
      status: String(r.status),
      orderNo: r.order_no === null ? null : String(r.order_no),
      orderStatus: r.order_status === null ? null : String(r.order_status),
    }));
  }

  async duplicatePayments() {
    const rows = await this.rows(`
      SELECT order_no, out_refund_no, transaction_id, amount, status, last_error FROM refunds
      WHERE kind = 'DUPLICATE_PAYMENT' ORDER BY id`);
    return rows.map((r) => ({
      orderNo: String(r.order_no),
      outRefundNo: String(r.out_refund_no),
      transactionId: r.transaction_id === null ? null : String(r.transaction_id),
      amount: num(r.amount),
      status: String(r.status),
      lastError: r.last_error === null ? null : String(r.last_error),
    }));
  }

  async moneyByCurrency() {
    const rows = await this.rows(`
      SELECT currency, SUM(paid_in) AS paid_in, SUM(payments) AS payments, SUM(refunded) AS refunded, SUM(refunds) AS refunds FROM (
        SELECT currency, SUM(amount) AS paid_in, COUNT(*) AS payments, 0 AS refunded, 0 AS refunds FROM payments WHERE status = 'SUCCEEDED' GROUP BY currency
        UNION ALL
        SELECT currency, 0, 0, SUM(amount), COUNT(*) FROM refunds WHERE status = 'SUCCEEDED' GROUP BY currency
        UNION ALL
        -- A second charge for a paid order is recorded by its refund alone: it came in all the same.
        SELECT currency, SUM(amount), COUNT(*), 0, 0 FROM refunds WHERE kind = 'DUPLICATE_PAYMENT' GROUP BY currency
      ) money GROUP BY currency ORDER BY currency`);
    return rows.map((r) => ({
      currency: String(r.currency),
      paidIn: num(r.paid_in),
      payments: num(r.payments),
      refunded: num(r.refunded),
      refunds: num(r.refunds),
    }));
  }

  async currencyMismatches() {
    const rows = await this.rows(`
      SELECT o.order_no AS order_no, o.currency AS order_currency, p.currency AS currency, 'payment' AS what
        FROM payments p JOIN orders o ON o.order_no = p.order_no WHERE p.currency <> o.currency
      UNION ALL
      SELECT o.order_no, o.currency, r.currency, 'refund' FROM refunds r JOIN orders o ON o.order_no = r.order_no WHERE r.currency <> o.currency
      UNION ALL
      SELECT o.order_no, o.currency, o.currency, 'over-refunded' FROM orders o
        -- A seller order's money is its checkout's payment: checkoutMismatches holds its refunds to what was paid.
        WHERE o.checkout_no IS NULL AND o.refunded_amount > (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.order_no = o.order_no AND p.status = 'SUCCEEDED')`);
    return rows.map((r) => ({
      orderNo: String(r.order_no),
      orderCurrency: String(r.order_currency),
      currency: String(r.currency),
      what: r.what === 'refund' ? ('refund' as const) : r.what === 'over-refunded' ? ('over-refunded' as const) : ('payment' as const),
    }));
  }

  async couponMismatches() {
    const totals = await this.rows(`
      SELECT o.order_no AS order_no, o.total_amount AS total, o.discount_amount AS discount,
             COALESCE(SUM(ol.line_total - ol.discount), 0) + COALESCE(o.delivery_fee, 0) AS expected,
             COALESCE(SUM(ol.discount), 0) AS line_discounts
      FROM orders o JOIN order_lines ol ON ol.order_no = o.order_no
      GROUP BY o.order_no, o.total_amount, o.discount_amount, o.delivery_fee
      HAVING COALESCE(SUM(ol.line_total - ol.discount), 0) + COALESCE(o.delivery_fee, 0) <> o.total_amount
          OR COALESCE(SUM(ol.discount), 0) <> o.discount_amount`);
    const uses = await this.rows(`
      SELECT c.code AS code, c.used AS used,
             (SELECT COUNT(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id AND r.status = 'used') AS held
      FROM coupons c`);
    return [
      ...totals.map((r) => ({ what: 'order-total' as const, subject: String(r.order_no), expected: num(r.expected), found: num(r.total) })),
      ...uses
        .map((r) => ({ what: 'coupon-uses' as const, subject: String(r.code), expected: num(r.held), found: num(r.used) }))
        .filter((r) => r.expected !== r.found),
    ];
  }

  async recentProviderPayments(provider: string, limit: number) {
    const rows = await this.rows(
      `SELECT out_trade_no, order_no, status, amount FROM payments WHERE provider = ? ORDER BY id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
      [provider],
    );
    return rows.map((r) => ({ outTradeNo: String(r.out_trade_no), orderNo: String(r.order_no), status: String(r.status), amount: num(r.amount) }));
  }

  async checkoutMismatches() {
    const rows = await this.rows(`
      SELECT k.checkout_no AS checkout_no, k.status AS status, k.total_amount AS total,
             (SELECT COALESCE(SUM(o.total_amount), 0) FROM orders o WHERE o.checkout_no = k.checkout_no) AS orders_total,
             (SELECT COUNT(*) FROM orders o WHERE o.checkout_no = k.checkout_no) AS orders,
             (SELECT COUNT(*) FROM payments p WHERE p.out_trade_no = k.checkout_no AND p.status = 'SUCCEEDED') AS payments,
             (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.out_trade_no = k.checkout_no AND p.status = 'SUCCEEDED') AS paid,
             (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN orders o ON o.order_no = r.order_no
               WHERE o.checkout_no = k.checkout_no AND r.kind = 'ORDER' AND r.status = 'SUCCEEDED') AS refunded
      FROM checkouts k`);
    return rows
      .map((r) => ({
        checkoutNo: String(r.checkout_no),
        status: String(r.status),
        total: num(r.total),
        ordersTotal: num(r.orders_total),
        orders: num(r.orders),
        payments: num(r.payments),
        paid: num(r.paid),
        refunded: num(r.refunded),
      }))
      .filter(
        (r) =>
          r.orders === 0 ||
          r.ordersTotal !== r.total ||
          (r.status === 'PAID' ? r.payments !== 1 || r.paid !== r.total : r.payments !== 0) ||
          r.refunded > r.paid,
      );
  }

  async sellerOrderMismatches() {
    // Per seller order of a paid checkout: what its seller was credited (net of what was taken back), what went back
    // to the shopper and what is still held add up to its total; a cancelled one was refunded exactly its total.
    const rows = await this.rows(`
      SELECT o.order_no AS order_no, o.status AS status, o.total_amount AS total, o.refunded_amount AS refunded_amount,
             o.delivered_at AS delivered_at, o.seller_id AS seller_id,
             (SELECT COUNT(*) FROM seller_ledger l WHERE l.seller_id = o.seller_id AND l.order_no = o.order_no AND l.kind = 'sale') AS sales,
             (SELECT COALESCE(SUM(l.amount_minor + l.commission_minor), 0) FROM seller_ledger l
               WHERE l.seller_id = o.seller_id AND l.order_no = o.order_no AND l.kind IN ('sale', 'refund_clawback')) AS credited,
             (SELECT COALESCE(SUM(l.commission_minor), 0) FROM seller_ledger l
               WHERE l.seller_id = o.seller_id AND l.order_no = o.order_no AND l.kind = 'sale' AND l.commission_minor < 0) AS negative_commission,
             (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.order_no = o.order_no AND r.kind = 'ORDER' AND r.status = 'SUCCEEDED') AS refunds,
             (SELECT COUNT(*) FROM refunds r WHERE r.order_no = o.order_no AND r.out_refund_no = ${this.concat('o.order_no', `'-C'`)}) AS cancellations,
             (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.order_no = o.order_no AND r.out_refund_no = ${this.concat('o.order_no', `'-C'`)}) AS cancelled_amount
      FROM orders o JOIN checkouts k ON k.checkout_no = o.checkout_no
      WHERE k.status = 'PAID'`);
    const found: Array<{ orderNo: string; detail: string }> = [];
    for (const r of rows) {
      const orderNo = String(r.order_no);
      const status = String(r.status);
      const total = num(r.total);
      const completed = r.delivered_at !== null && r.delivered_at !== undefined;
      const sales = num(r.sales);
      const credited = num(r.credited);
      const refunds = num(r.refunds);
      const held = ['AWAITING_SELLER', 'PAID', 'SHIPPED', 'REFUNDING'].includes(status) && !completed ? total - num(r.refunded_amount) : 0;
      if (completed && sales !== 1) found.push({ orderNo, detail: `completed (${status}) but credited to seller ${num(r.seller_id)} ${sales} times` });
      if (!completed && sales !== 0) found.push({ orderNo, detail: `not completed (${status}) yet credited to its seller` });
      if (num(r.negative_commission) !== 0) found.push({ orderNo, detail: 'a sale with a negative commission' });
      if (completed && credited + refunds !== total)
        found.push({ orderNo, detail: `completed: credited ${credited} (net of take-backs) + refunded ${refunds} ≠ total ${total}` });
      if (!completed && refunds + held !== total) found.push({ orderNo, detail: `${status}: refunded ${refunds} + held ${held} ≠ total ${total}` });
      if (num(r.cancellations) === 1 && num(r.cancelled_amount) !== total)
        found.push({ orderNo, detail: `cancelled: its refund is ${num(r.cancelled_amount)}, its share is ${total}` });
      if (num(r.cancellations) === 1 && status === 'REFUNDED' && refunds !== total)
        found.push({ orderNo, detail: `cancelled and REFUNDED, but ${refunds} went back of ${total}` });
    }
    return found;
  }

  async marketplaceMoney() {
    const [row] = await this.rows(`
      SELECT
        (SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN checkouts k ON k.checkout_no = p.out_trade_no WHERE p.status = 'SUCCEEDED') AS money_in,
        (SELECT COALESCE(SUM(l.amount_minor), 0) FROM seller_ledger l JOIN orders o ON o.order_no = l.order_no
          WHERE o.checkout_no IS NOT NULL AND l.kind IN ('sale', 'refund_clawback')) AS to_sellers,
        (SELECT COALESCE(SUM(l.commission_minor), 0) FROM seller_ledger l JOIN orders o ON o.order_no = l.order_no
          WHERE o.checkout_no IS NOT NULL AND l.kind IN ('sale', 'refund_clawback')) AS commissions,
        (SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN orders o ON o.order_no = r.order_no
          WHERE o.checkout_no IS NOT NULL AND r.kind = 'ORDER' AND r.status = 'SUCCEEDED') AS refunds,
        (SELECT COALESCE(SUM(o.total_amount - o.refunded_amount), 0) FROM orders o JOIN checkouts k ON k.checkout_no = o.checkout_no
          WHERE k.status = 'PAID' AND o.status IN ${HELD} AND o.delivered_at IS NULL) AS held`);
    return {
      moneyIn: num(row?.money_in),
      toSellers: num(row?.to_sellers),
      commissions: num(row?.commissions),
      refunds: num(row?.refunds),
      held: num(row?.held),
    };
  }

  private concat(a: string, b: string): string {
    return this.db.options.type === 'mysql' || this.db.options.type === 'mariadb' ? `CONCAT(${a}, ${b})` : `${a} || ${b}`;
  }

  private concatRef(): string {
    const parts = [`'order:'`, 'ol.order_no', `':line:'`, 'CAST(ol.line_no AS CHAR)'];
    return this.db.options.type === 'mysql' || this.db.options.type === 'mariadb'
      ? `CONCAT(${parts.join(', ')})`
      : parts.join(' || ').replace('CAST(ol.line_no AS CHAR)', 'CAST(ol.line_no AS TEXT)');
  }
}
