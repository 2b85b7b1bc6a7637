// The unique keys whose violation a repository turns into a value. MySQL names the key in ER_DUP_ENTRY; SQLite names
// the columns ("UNIQUE constraint failed: orders.user_id, orders.idempotency_key"), so both are recorded here and
// must match what the migrations create.

export interface UniqueKey {
  /** Index name in the MySQL migration. */
  name: string;
  table: string;
  columns: readonly string[];
}

const key = (name: string, table: string, ...columns: string[]): UniqueKey => ({ name, table, columns });

export const UNIQUE_KEYS = {
  productSku: key('uq_products_seller_sku', 'products', 'seller_id', 'sku'),
  categoryPath: key('uq_categories_path', 'categories', 'path'),
  productCode: key('uq_product_codes_product_code', 'product_codes', 'product_id', 'code'),
  orderNo: key('PRIMARY', 'orders', 'order_no'),
  orderIdempotency: key('uq_orders_user_idempotency', 'orders', 'user_id', 'idempotency_key'),
  checkoutNo: key('PRIMARY', 'checkouts', 'checkout_no'),
  checkoutIdempotency: key('uq_checkouts_user_idempotency', 'checkouts', 'user_id', 'idempotency_key'),
  ledgerReference: key('uq_ledger_entries_user_reference', 'ledger_entries', 'user_id', 'reference'),
  paymentOutTradeNo: key('uq_payments_out_trade_no', 'payments', 'out_trade_no'),
  paymentTransaction: key('uq_payments_provider_transaction', 'payments', 'provider', 'transaction_id'),
  refundOutRefundNo: key('uq_refunds_out_refund_no', 'refunds', 'out_refund_no'),
  sellerTelegramUser: key('uq_sellers_telegram_user', 'sellers', 'telegram_user_id'),
  sellerLedgerOnce: key('uq_seller_ledger_once', 'seller_ledger', 'seller_id', 'kind', 'order_no', 'reference'),
  sellerLedgerPayout: key('uq_seller_ledger_payout', 'seller_ledger', 'seller_id', 'kind', 'payout_id'),
  outboxDedupe: key('uq_outbox_dedupe_key', 'outbox', 'dedupe_key'),
  reviewOrderLine: key('uq_product_reviews_order_line', 'product_reviews', 'order_no', 'line_no'),
  supportActiveTicket: key('uq_support_tickets_active_user', 'support_tickets', 'active_user'),
  restockAlert: key('uq_restock_alerts_product_user', 'restock_alerts', 'product_id', 'user_id'),
} as const;
