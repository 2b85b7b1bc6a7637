import { Coupon, CouponReport } from '../../../domain/coupons';
import { CouponPreview } from '../../../domain/ordering';

const money = (amount: number, currency: string) => ({ amount, currency });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentCoupon = (c: Coupon) => ({
  code: c.code,
  kind: c.kind,
  value: c.value,
  currency: c.currency,
  minTotal: money(c.minTotal, c.currency),
  sellerId: c.sellerId,
  scope: { kind: c.scope.kind, ids: c.scope.ids },
  startsAt: iso(c.startsAt),
  endsAt: iso(c.endsAt),
  totalLimit: c.totalLimit,
  perShopperLimit: c.perShopperLimit,
  firstOrderOnly: c.firstOrderOnly,
  active: c.active,
  used: c.used,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const presentCouponReport = (r: CouponReport) => ({
  coupon: presentCoupon(r.coupon),
  uses: r.redemptions,
  released: r.released,
  paidOrders: r.paidOrders,
  discountGiven: money(r.discountGiven, r.coupon.currency),
  revenue: money(r.revenue, r.coupon.currency),
  refunded: money(r.refunded, r.coupon.currency),
});

export const presentCouponPreview = (p: CouponPreview) => ({
  code: p.code,
  goods: money(p.goods, p.currency),
  discount: money(p.discount, p.currency),
  total: money(p.total, p.currency),
  items: p.lines.map((l) => ({ productId: l.productId, title: l.title, lineTotal: money(l.lineTotal, p.currency), discount: money(l.discount, p.currency) })),
});
