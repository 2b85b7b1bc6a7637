import { PAYOUT_STATUSES, SELLER_LEDGER_KINDS, SELLER_STATUSES, Seller, SellerLedgerEntry, SellerPayout } from '../../../domain/sellers';
import { minor } from '../../../domain/shared/money';
import { oneOf, toDate, toDateOrNull } from '../columns';
import { SellerLedgerRow, SellerPayoutRow, SellerRow } from './seller-entities';

export const sellerFromRow = (row: SellerRow): Seller => ({
  id: row.id,
  telegramUserId: row.telegram_user_id,
  shopName: row.shop_name,
  contact: row.contact,
  description: row.description,
  email: row.email,
  status: oneOf(SELLER_STATUSES, row.status, 'sellers.status'),
  commissionBps: row.commission_bps,
  confirmWindowMinutes: row.confirm_window_minutes,
  autoConfirm: Boolean(row.auto_confirm),
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

export const ledgerEntryFromRow = (row: SellerLedgerRow): SellerLedgerEntry => ({
  id: row.id,
  sellerId: row.seller_id,
  kind: oneOf(SELLER_LEDGER_KINDS, row.kind, 'seller_ledger.kind'),
  amount: minor(row.amount_minor),
  commission: minor(row.commission_minor),
  orderNo: row.order_no,
  payoutId: row.payout_id,
  reference: row.reference,
  createdAt: toDate(row.created_at),
});

export const payoutFromRow = (row: SellerPayoutRow): SellerPayout => ({
  id: row.id,
  sellerId: row.seller_id,
  amount: minor(row.amount_minor),
  currency: row.currency,
  status: oneOf(PAYOUT_STATUSES, row.status, 'seller_payouts.status'),
  reference: row.reference,
  requestedAt: toDate(row.requested_at),
  settledAt: toDateOrNull(row.settled_at),
});
