import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface SellerRow {
  id: number;
  telegram_user_id: string | null;
  shop_name: string;
  contact: string;
  description: string;
  email: string | null;
  status: string;
  commission_bps: number | null;
  confirm_window_minutes: number | null;
  auto_confirm: boolean;
  created_at: number;
  updated_at: number;
}

export const SellerEntity = new EntitySchema<SellerRow>({
  name: 'Seller',
  tableName: 'sellers',
  columns: {
    id: idColumn(),
    telegram_user_id: stringColumn(32, true),
    shop_name: stringColumn(255),
    contact: stringColumn(255),
    description: textColumn(),
    email: stringColumn(191, true),
    status: stringColumn(16),
    commission_bps: bigintColumn(true),
    confirm_window_minutes: bigintColumn(true),
    auto_confirm: booleanColumn(),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});

export interface SellerBalanceRow {
  seller_id: number;
  balance_minor: number;
  updated_at: number;
}

export const SellerBalanceEntity = new EntitySchema<SellerBalanceRow>({
  name: 'SellerBalance',
  tableName: 'seller_balances',
  columns: {
    seller_id: { ...bigintColumn(), primary: true },
    balance_minor: bigintColumn(),
    updated_at: bigintColumn(),
  },
});

export interface SellerLedgerRow {
  id: number;
  seller_id: number;
  kind: string;
  amount_minor: number;
  commission_minor: number;
  order_no: string | null;
  payout_id: string | null;
  reference: string;
  created_at: number;
}

export const SellerLedgerEntity = new EntitySchema<SellerLedgerRow>({
  name: 'SellerLedgerEntry',
  tableName: 'seller_ledger',
  columns: {
    id: idColumn(),
    seller_id: bigintColumn(),
    kind: stringColumn(16),
    amount_minor: bigintColumn(),
    commission_minor: bigintColumn(),
    order_no: stringColumn(32, true),
    payout_id: stringColumn(36, true),
    reference: stringColumn(191),
    created_at: bigintColumn(),
  },
});

export interface SellerPayoutRow {
  id: string;
  seller_id: number;
  amount_minor: number;
  currency: string;
  status: string;
  reference: string | null;
  requested_at: number;
  settled_at: number | null;
}

export const SellerPayoutEntity = new EntitySchema<SellerPayoutRow>({
  name: 'SellerPayout',
  tableName: 'seller_payouts',
  columns: {
    id: stringColumn(36, false, true),
    seller_id: bigintColumn(),
    amount_minor: bigintColumn(),
    currency: stringColumn(3),
    status: stringColumn(16),
    reference: stringColumn(191, true),
    requested_at: bigintColumn(),
    settled_at: bigintColumn(true),
  },
});
