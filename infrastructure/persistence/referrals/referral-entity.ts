import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn } from '../columns';

export interface ReferralRow {
  referee_id: string;
  referrer_id: string;
  status: string;
  order_no: string | null;
  referrer_credit: number;
  referee_credit: number;
  created_at: number;
  decided_at: number | null;
}

export const ReferralEntity = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'referrals',
  columns: {
    referee_id: stringColumn(32, false, true),
    referrer_id: stringColumn(32),
    status: stringColumn(16),
    order_no: stringColumn(32, true),
    referrer_credit: bigintColumn(),
    referee_credit: bigintColumn(),
    created_at: bigintColumn(),
    decided_at: bigintColumn(true),
  },
});
