import { EntityManager } from 'typeorm';
import { REFERRAL_STATUSES, Referral, ReferralCandidate, ReferralRepository, ReferralStatus } from '../../../domain/referrals';
import { Minor, minor } from '../../../domain/shared/money';
import { affectedRows } from '../affected-rows';
import { toDate, toDateOrNull, toMs } from '../columns';
import { isDuplicateKeyError } from '../store-errors';
import { ReferralEntity, ReferralRow } from './referral-entity';

const statusOf = (value: string): ReferralStatus => {
  const status = REFERRAL_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`referrals.status "${value}" is not a referral status`);
  return status;
};

const fromRow = (row: ReferralRow): Referral => ({
  refereeId: row.referee_id,
  referrerId: row.referrer_id,
  status: statusOf(row.status),
  orderNo: row.order_no,
  referrerCredit: minor(Number(row.referrer_credit)),
  refereeCredit: minor(Number(row.referee_credit)),
  createdAt: toDate(Number(row.created_at)),
  decidedAt: toDateOrNull(row.decided_at === null ? null : Number(row.decided_at)),
});

/** Referrals keyed by the referee (one inviter each); read by referrer through ix_referrals_referrer. */
export class TypeormReferralRepository implements ReferralRepository {
  constructor(private readonly manager: EntityManager) {}

  async link(referral: { refereeId: string; referrerId: string; at: Date }): Promise<'LINKED' | 'EXISTS'> {
    try {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(ReferralEntity)
        .values({
          referee_id: referral.refereeId,
          referrer_id: referral.referrerId,
          status: 'PENDING',
          order_no: null,
          referrer_credit: 0,
          referee_credit: 0,
          created_at: toMs(referral.at),
          decided_at: null,
        })
        .updateEntity(false)
        .execute();
      return 'LINKED';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'EXISTS';
      throw error;
    }
  }

  async find(refereeId: string): Promise<Referral | null> {
    const row = await this.manager.findOneBy(ReferralEntity, { referee_id: refereeId });
    return row ? fromRow(row) : null;
  }

  async referrerOf(userId: string): Promise<string | null> {
    const row = await this.manager.findOne(ReferralEntity, { select: { referee_id: true, referrer_id: true }, where: { referee_id: userId } });
    return row?.referrer_id ?? null;
  }

  async hasOrders(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query('SELECT 1 AS one FROM orders WHERE user_id = ? LIMIT 1', [userId]);
    return rows.length > 0;
  }

  async due(deliveredBefore: Date, limit: number): Promise<ReferralCandidate[]> {
    // The referee's first delivered order, by (user_id, status) then a sort of that shopper's few orders.
    const rows: Array<ReferralRow & { first_order_no: string; delivered_at: number | string; order_status: string; refunded_amount: number | string }> =
      await this.manager.query(
        `SELECT r.*, o.order_no AS first_order_no, o.delivered_at, o.status AS order_status, o.refunded_amount
           FROM referrals r
           JOIN orders o ON o.order_no = (
             SELECT o2.order_no FROM orders o2 WHERE o2.user_id = r.referee_id AND o2.delivered_at IS NOT NULL
              ORDER BY o2.delivered_at, o2.order_no LIMIT 1)
          WHERE r.status = 'PENDING' AND o.delivered_at <= ?
          ORDER BY r.created_at, r.referee_id
          LIMIT ?`,
        [toMs(deliveredBefore), limit],
      );
    return rows.map((row) => ({
      referral: fromRow(row),
      orderNo: row.first_order_no,
      deliveredAt: toDate(Number(row.delivered_at)),
      refunded: Number(row.refunded_amount) > 0 || ['REFUNDING', 'REFUNDED', 'PARTIALLY_REFUNDED'].includes(row.order_status),
    }));
  }

  async decide(
    refereeId: string,
    decision: { status: Exclude<ReferralStatus, 'PENDING'>; orderNo: string; referrerCredit: Minor; refereeCredit: Minor; at: Date },
  ): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({
        status: decision.status,
        order_no: decision.orderNo,
        referrer_credit: decision.referrerCredit,
        referee_credit: decision.refereeCredit,
        decided_at: toMs(decision.at),
      })
      .where("referee_id = :refereeId AND status = 'PENDING'", { refereeId })
      .execute();
    return affectedRows(result) === 1;
  }

  async statsOf(referrerId: string): Promise<{ invited: number; rewarded: number; earned: Minor }> {
    const rows: Array<{ invited: number | string; rewarded: number | string | null; earned: number | string | null }> = await this.manager.query(
      `SELECT COUNT(*) AS invited, SUM(CASE WHEN status = 'REWARDED' THEN 1 ELSE 0 END) AS rewarded, SUM(referrer_credit) AS earned
         FROM referrals WHERE referrer_id = ?`,
      [referrerId],
    );
    const row = rows[0];
    return { invited: Number(row?.invited ?? 0), rewarded: Number(row?.rewarded ?? 0), earned: minor(Number(row?.earned ?? 0)) };
  }

  async totalPaid(): Promise<Minor> {
    const rows: Array<{ paid: number | string | null }> = await this.manager.query('SELECT SUM(referrer_credit + referee_credit) AS paid FROM referrals');
    return minor(Number(rows[0]?.paid ?? 0));
  }
}
