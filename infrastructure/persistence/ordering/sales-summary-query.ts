import { minor } from '../../../domain/shared/money';
// The admin's sales figures, computed by the database (GROUP BY over indexed ranges), never by loading the orders.
// Plain SQL that both engines run unchanged; SUMs come back as strings from mysql2 (DECIMAL / bigNumberStrings).
import { EntityManager } from 'typeorm';
import { STARS_CURRENCY, SalesSummary } from '../../../domain/ordering';
import { toMs } from '../columns';

type TopProduct = SalesSummary['topProducts'][number];

// One statement for the period's counters, so `placed` and the paid figures come from the same snapshot.
// ix_orders_created_at and ix_orders_paid_at serve the two ranges. Telegram Stars orders are in XTR: their money is
// summed apart, never added to the shop's currency.
const XTR = `'${STARS_CURRENCY}'`;
const TOTALS_SQL = `
  SELECT
    (SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ?) AS placed,
    COUNT(*) AS paid,
    COALESCE(SUM(CASE WHEN currency <> ${XTR} THEN total_amount ELSE 0 END), 0) AS revenue,
    COALESCE(SUM(CASE WHEN currency <> ${XTR} THEN refunded_amount ELSE 0 END), 0) AS refunded,
    COALESCE(SUM(CASE WHEN currency = ${XTR} THEN 1 ELSE 0 END), 0) AS stars_paid,
    COALESCE(SUM(CASE WHEN currency = ${XTR} THEN total_amount ELSE 0 END), 0) AS stars_revenue,
    COALESCE(SUM(CASE WHEN currency = ${XTR} THEN refunded_amount ELSE 0 END), 0) AS stars_refunded
  FROM orders
  WHERE paid_at >= ? AND paid_at < ?`;

// The best sellers are ranked in the derived table; the title is the one on the most recently paid line of the product
// (a product renamed mid-period shows its new name). An order holds at most one line per product (the cart is keyed
// by product), so (paid_at, order_no) orders those lines fully and lets the subquery walk ix_orders_paid_at backwards.
const TOP_PRODUCTS_SQL = `
  SELECT
    g.product_id AS product_id,
    g.quantity AS quantity,
    g.revenue AS revenue,
    g.stars_revenue AS stars_revenue,
    (SELECT l2.title
       FROM orders o2 JOIN order_lines l2 ON l2.order_no = o2.order_no
      WHERE l2.product_id = g.product_id AND o2.paid_at >= ? AND o2.paid_at < ?
      ORDER BY o2.paid_at DESC, o2.order_no DESC
      LIMIT 1) AS title
  FROM (
    SELECT l.product_id AS product_id, SUM(l.quantity) AS quantity,
           SUM(CASE WHEN o.currency <> ${XTR} THEN l.line_total - l.discount ELSE 0 END) AS revenue,
           SUM(CASE WHEN o.currency = ${XTR} THEN l.line_total - l.discount ELSE 0 END) AS stars_revenue
      FROM orders o JOIN order_lines l ON l.order_no = o.order_no
     WHERE o.paid_at >= ? AND o.paid_at < ?
     GROUP BY l.product_id
     ORDER BY SUM(l.quantity) DESC, SUM(CASE WHEN o.currency <> ${XTR} THEN l.line_total - l.discount ELSE 0 END) DESC, l.product_id ASC
     LIMIT ?
  ) g
  ORDER BY g.quantity DESC, g.revenue DESC, g.product_id ASC`;

interface RawRow {
  [column: string]: unknown;
}

function numberIn(row: RawRow | undefined, column: string): number {
  const value = row?.[column];
  const parsed = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed)) throw new Error(`sales summary: column ${column} is not an integer (got ${String(value)})`);
  return parsed;
}

function stringIn(row: RawRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`sales summary: column ${column} is not text (got ${String(value)})`);
  return value;
}

async function rowsOf(manager: EntityManager, sql: string, parameters: unknown[]): Promise<RawRow[]> {
  const rows: unknown = await manager.query(sql, parameters);
  if (!Array.isArray(rows)) throw new Error('sales summary: the database returned no rows');
  return rows.filter((row): row is RawRow => typeof row === 'object' && row !== null);
}

/** Sales in [from, to): orders placed, orders paid (whatever became of them after), their money and the best sellers. */
export async function querySalesSummary(manager: EntityManager, from: Date, to: Date, top: number): Promise<SalesSummary> {
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`salesSummary needs a non-negative integer top (got ${top})`);
  const range = [toMs(from), toMs(to)];
  const [totals] = await rowsOf(manager, TOTALS_SQL, [...range, ...range]);
  const topRows = top === 0 ? [] : await rowsOf(manager, TOP_PRODUCTS_SQL, [...range, ...range, top]);
  const topProducts = topRows.map((row): TopProduct => ({
    productId: numberIn(row, 'product_id'),
    title: stringIn(row, 'title'),
    quantity: numberIn(row, 'quantity'),
    revenue: minor(numberIn(row, 'revenue')),
    starsRevenue: minor(numberIn(row, 'stars_revenue')),
  }));
  return {
    placed: numberIn(totals, 'placed'),
    paid: numberIn(totals, 'paid'),
    revenue: minor(numberIn(totals, 'revenue')),
    refunded: minor(numberIn(totals, 'refunded')),
    stars: { paid: numberIn(totals, 'stars_paid'), revenue: minor(numberIn(totals, 'stars_revenue')), refunded: minor(numberIn(totals, 'stars_refunded')) },
    topProducts,
  };
}
