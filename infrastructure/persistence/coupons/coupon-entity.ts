import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, intColumn, stringColumn, textColumn } from '../columns';

const intOrNullColumn = () => ({ ...intColumn(), nullable: true });

export interface CouponRow {
  id: number;
  code: string;
  kind: string;
  value: number;
  currency: string;
  min_total: number;
  seller_id: number;
  scope_kind: string;
  /** JSON array of product or category ids. */
  scope_ids: string;
  starts_at: number | null;
  ends_at: number | null;
  total_limit: number | null;
  per_shopper_limit: number | null;
  first_order_only: boolean | number;
  active: boolean | number;
  used: number;
  created_at: number;
  updated_at: number;
}

export const CouponEntity = new EntitySchema<CouponRow>({
  name: 'Coupon',
  tableName: 'coupons',
  columns: {
    id: idColumn(),
    code: stringColumn(32),
    kind: stringColumn(16),
    value: bigintColumn(),
    currency: stringColumn(3),
    min_total: bigintColumn(),
    seller_id: bigintColumn(),
    scope_kind: stringColumn(16),
    scope_ids: textColumn(),
    starts_at: bigintColumn(true),
    ends_at: bigintColumn(true),
    total_limit: intOrNullColumn(),
    per_shopper_limit: intOrNullColumn(),
    first_order_only: booleanColumn(),
    active: booleanColumn(),
    used: intColumn(),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});

export interface CouponRedemptionRow {
  purchase_no: string;
  coupon_id: number;
  user_id: string;
  discount: number;
  status: string;
  created_at: number;
  released_at: number | null;
}

export const CouponRedemptionEntity = new EntitySchema<CouponRedemptionRow>({
  name: 'CouponRedemption',
  tableName: 'coupon_redemptions',
  columns: {
    purchase_no: stringColumn(32, false, true),
    coupon_id: bigintColumn(),
    user_id: stringColumn(32),
    discount: bigintColumn(),
    status: stringColumn(16),
    created_at: bigintColumn(),
    released_at: bigintColumn(true),
  },
});
