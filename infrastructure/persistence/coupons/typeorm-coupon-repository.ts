import { EntityManager } from 'typeorm';
import { COUPON_KINDS, COUPON_SCOPES, Coupon, CouponRedemption, CouponRepository, CouponTerms, CouponUsage } from '../../../domain/coupons';
import { minor } from '../../../domain/shared/money';
import { affectedRows } from '../affected-rows';
import { oneOf, toDate, toDateOrNull, toMs, toMsOrNull } from '../columns';
import { isDuplicateKeyError } from '../store-errors';
import { CouponEntity, CouponRedemptionEntity, CouponRow } from './coupon-entity';

const num = (value: unknown): number => Number(value ?? 0);

const fromRow = (row: CouponRow): Coupon => ({
  id: num(row.id),
  code: row.code,
  kind: oneOf(COUPON_KINDS, row.kind, 'coupons.kind'),
  value: num(row.value),
  currency: row.currency,
  minTotal: minor(num(row.min_total)),
  sellerId: num(row.seller_id),
  scope: { kind: oneOf(COUPON_SCOPES, row.scope_kind, 'coupons.scope_kind'), ids: (JSON.parse(row.scope_ids) as unknown[]).map(Number) },
  startsAt: toDateOrNull(row.starts_at === null ? null : num(row.starts_at)),
  endsAt: toDateOrNull(row.ends_at === null ? null : num(row.ends_at)),
  totalLimit: row.total_limit === null ? null : num(row.total_limit),
  perShopperLimit: row.per_shopper_limit === null ? null : num(row.per_shopper_limit),
  firstOrderOnly: Boolean(row.first_order_only),
  active: Boolean(row.active),
  used: num(row.used),
  createdAt: toDate(num(row.created_at)),
  updatedAt: toDate(num(row.updated_at)),
});

const termColumns = (terms: CouponTerms) => ({
  kind: terms.kind,
  value: terms.value,
  currency: terms.currency,
  min_total: terms.minTotal,
  seller_id: terms.sellerId,
  scope_kind: terms.scope.kind,
  scope_ids: JSON.stringify(terms.scope.ids),
  starts_at: toMsOrNull(terms.startsAt),
  ends_at: toMsOrNull(terms.endsAt),
  total_limit: terms.totalLimit,
  per_shopper_limit: terms.perShopperLimit,
  first_order_only: terms.firstOrderOnly,
  active: terms.active,
});

/** Coupons by their upper-case code (unique), and one redemption per purchase (keyed by its number). */
export class TypeormCouponRepository implements CouponRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(terms: CouponTerms, now: Date): Promise<Coupon | 'DUPLICATE_CODE'> {
    try {
      const result = await this.manager
        .createQueryBuilder()
        .insert()
        .into(CouponEntity)
        .values({ code: terms.code, ...termColumns(terms), used: 0, created_at: toMs(now), updated_at: toMs(now) })
        .execute();
      const id = num(result.identifiers[0]?.id);
      return { ...terms, id, used: 0, createdAt: now, updatedAt: now };
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'DUPLICATE_CODE';
      throw error;
    }
  }

  async findByCode(code: string): Promise<Coupon | null> {
    const row = await this.manager.findOneBy(CouponEntity, { code });
    return row ? fromRow(row) : null;
  }

  async list(query: { active: boolean | null; limit: number; offset: number }): Promise<{ items: Coupon[]; total: number }> {
    const [rows, total] = await this.manager.findAndCount(CouponEntity, {
      where: query.active === null ? {} : { active: query.active },
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(fromRow), total };
  }

  async update(id: number, terms: CouponTerms, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CouponEntity)
      .set({ ...termColumns(terms), updated_at: toMs(now) })
      .where('id = :id', { id })
      .execute();
    return affectedRows(result) === 1;
  }

  async usesBy(couponId: number, userId: string): Promise<number> {
    const rows: Array<{ uses: number | string }> = await this.manager.query(
      "SELECT COUNT(*) AS uses FROM coupon_redemptions WHERE coupon_id = ? AND user_id = ? AND status = 'used'",
      [couponId, userId],
    );
    return num(rows[0]?.uses);
  }

  async claim(couponId: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CouponEntity)
      .set({ used: () => 'used + 1' })
      .where('id = :couponId AND active = :active AND (total_limit IS NULL OR used < total_limit)', { couponId, active: true })
      .execute();
    return affectedRows(result) === 1;
  }

  async insertRedemption(redemption: CouponRedemption): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CouponRedemptionEntity)
      .values({
        purchase_no: redemption.purchaseNo,
        coupon_id: redemption.couponId,
        user_id: redemption.userId,
        discount: redemption.discount,
        status: redemption.status,
        created_at: toMs(redemption.createdAt),
        released_at: toMsOrNull(redemption.releasedAt),
      })
      .updateEntity(false)
      .execute();
  }

  async release(purchaseNo: string, at: Date): Promise<boolean> {
    const released = await this.manager
      .createQueryBuilder()
      .update(CouponRedemptionEntity)
      .set({ status: 'released', released_at: toMs(at) })
      .where("purchase_no = :purchaseNo AND status = 'used'", { purchaseNo })
      .execute();
    if (affectedRows(released) !== 1) return false;
    await this.manager.query('UPDATE coupons SET used = used - 1 WHERE id = (SELECT coupon_id FROM coupon_redemptions WHERE purchase_no = ?)', [purchaseNo]);
    return true;
  }

  async reclaim(purchaseNo: string): Promise<boolean> {
    const reclaimed = await this.manager
      .createQueryBuilder()
      .update(CouponRedemptionEntity)
      .set({ status: 'used', released_at: null })
      .where("purchase_no = :purchaseNo AND status = 'released'", { purchaseNo })
      .execute();
    if (affectedRows(reclaimed) !== 1) return false;
    await this.manager.query('UPDATE coupons SET used = used + 1 WHERE id = (SELECT coupon_id FROM coupon_redemptions WHERE purchase_no = ?)', [purchaseNo]);
    return true;
  }

  async usage(couponId: number): Promise<CouponUsage> {
    const counts: Array<{ redemptions: number | string; released: number | string | null }> = await this.manager.query(
      "SELECT COUNT(*) AS redemptions, SUM(CASE WHEN status = 'released' THEN 1 ELSE 0 END) AS released FROM coupon_redemptions WHERE coupon_id = ?",
      [couponId],
    );
    // A purchase is an order (purchase_no = order_no) or a checkout (its seller orders that got a share of the discount).
    const paid: Array<{ orders: number | string; discount: number | string | null; revenue: number | string | null; refunded: number | string | null }> =
      await this.manager.query(
        `SELECT COUNT(*) AS orders, SUM(o.discount_amount) AS discount, SUM(o.total_amount) AS revenue, SUM(o.refunded_amount) AS refunded
           FROM coupon_redemptions r
           JOIN orders o ON o.order_no = r.purchase_no OR (o.checkout_no = r.purchase_no AND o.coupon_code IS NOT NULL)
          WHERE r.coupon_id = ? AND r.status = 'used' AND o.paid_at IS NOT NULL`,
        [couponId],
      );
    return {
      redemptions: num(counts[0]?.redemptions),
      released: num(counts[0]?.released),
      paidOrders: num(paid[0]?.orders),
      discountGiven: minor(num(paid[0]?.discount)),
      revenue: minor(num(paid[0]?.revenue)),
      refunded: minor(num(paid[0]?.refunded)),
    };
  }
}
