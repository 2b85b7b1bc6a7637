import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { Coupon, normaliseCouponCode } from './coupon';
import { CouponInput, validateCouponTerms } from './coupon-draft';
import { CouponUsage } from './coupon-repository';
import { CouponsDeps } from './coupons-deps';

export type ManageCouponError = ValidationError | DomainError<'COUPON_NOT_FOUND' | 'COUPON_CODE_TAKEN'>;

/** An admin issues a coupon (active at once unless told otherwise). */
export async function createCoupon(deps: CouponsDeps, input: CouponInput): Promise<Result<Coupon, ManageCouponError>> {
  const terms = validateCouponTerms(input, deps.limits.currency);
  if (!terms.ok) return terms;
  const inserted = await deps.uow.run((tx) => tx.coupons.insert(terms.value, deps.clock.now()));
  if (inserted === 'DUPLICATE_CODE') return fail('COUPON_CODE_TAKEN', `coupon ${terms.value.code} exists already`);
  return ok(inserted);
}

/**
 * Changes a coupon's terms (the code stays; `active: false` switches it off for new purchases — the ones holding it
 * keep their discount). The row is read and written in one transaction, so two edits do not mix.
 */
export async function updateCoupon(deps: CouponsDeps, code: string, input: CouponInput): Promise<Result<Coupon, ManageCouponError>> {
  return deps.uow.run(async (tx): Promise<Result<Coupon, ManageCouponError>> => {
    const coupon = await tx.coupons.findByCode(normaliseCouponCode(code));
    if (!coupon) return fail('COUPON_NOT_FOUND', `no coupon ${code}`);
    const terms = validateCouponTerms(input, deps.limits.currency, coupon);
    if (!terms.ok) return terms;
    const now = deps.clock.now();
    if (!(await tx.coupons.update(coupon.id, terms.value, now))) return fail('COUPON_NOT_FOUND', `no coupon ${code}`);
    return ok({ ...coupon, ...terms.value, updatedAt: now });
  });
}

export async function getCoupon(deps: CouponsDeps, code: string): Promise<Result<Coupon, ManageCouponError>> {
  const coupon = await deps.uow.read((r) => r.coupons.findByCode(normaliseCouponCode(code)));
  return coupon ? ok(coupon) : fail('COUPON_NOT_FOUND', `no coupon ${code}`);
}

export async function listCoupons(deps: CouponsDeps, query: PageQuery & { active?: boolean | null }): Promise<Result<Page<Coupon>, ValidationError>> {
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const found = await deps.uow.read((r) => r.coupons.list({ active: query.active ?? null, limit: window.value.limit, offset: window.value.offset }));
  return ok(pageOf(window.value, found));
}

export interface CouponReport extends CouponUsage {
  coupon: Coupon;
}

/** How a coupon did: uses (released ones apart), paid orders, discount given and what those orders brought in. */
export async function couponReport(deps: CouponsDeps, code: string): Promise<Result<CouponReport, ManageCouponError>> {
  return deps.uow.read(async (r): Promise<Result<CouponReport, ManageCouponError>> => {
    const coupon = await r.coupons.findByCode(normaliseCouponCode(code));
    if (!coupon) return fail('COUPON_NOT_FOUND', `no coupon ${code}`);
    return ok({ coupon, ...(await r.coupons.usage(coupon.id)) });
  });
}
