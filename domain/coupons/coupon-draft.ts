import { HOUSE_SELLER_ID } from '../catalog';
import { MAX_MINOR_UNITS, minor } from '../shared/money';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid, nonNegativeInt, positiveInt } from '../shared/validation';
import { COUPON_CODE_PATTERN, COUPON_KINDS, COUPON_SCOPES, CouponScope, CouponTerms, FULL_PERCENT_BP, normaliseCouponCode } from './coupon';

/** What an admin sends to issue a coupon (or to change one: any subset of it). */
export interface CouponInput {
  code?: unknown;
  kind?: unknown;
  /** fixed: minor units; percent: basis points (1000 = 10 %). */
  value?: unknown;
  minTotal?: unknown;
  sellerId?: unknown;
  scope?: unknown;
  startsAt?: unknown;
  endsAt?: unknown;
  totalLimit?: unknown;
  perShopperLimit?: unknown;
  firstOrderOnly?: unknown;
  active?: unknown;
}

const MAX_SCOPE_IDS = 200;
const MAX_LIMIT = 100_000_000;

const dateOrNull = (field: string, value: unknown): Result<Date | null, ValidationError> => {
  if (value === null) return ok(null);
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return invalid(field, 'must be an ISO date-time or null');
  return ok(new Date(value));
};

const limitOrNull = (field: string, value: unknown): Result<number | null, ValidationError> =>
  value === null ? ok(null) : positiveInt(field, value, MAX_LIMIT);

function scopeOf(value: unknown): Result<CouponScope, ValidationError> {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as { kind?: unknown; ids?: unknown };
  const kind = COUPON_SCOPES.find((k) => k === raw.kind);
  if (kind === undefined) return invalid('scope.kind', `must be one of ${COUPON_SCOPES.join(', ')}`);
  if (kind === 'all')
    return raw.ids === undefined || (Array.isArray(raw.ids) && raw.ids.length === 0) ? ok({ kind, ids: [] }) : invalid('scope.ids', 'must be empty for all');
  if (!Array.isArray(raw.ids) || raw.ids.length === 0 || raw.ids.length > MAX_SCOPE_IDS)
    return invalid('scope.ids', `must list 1–${MAX_SCOPE_IDS} ${kind === 'products' ? 'product' : 'category'} ids`);
  const ids: number[] = [];
  for (const [i, id] of raw.ids.entries()) {
    const checked = positiveInt(`scope.ids[${i}]`, id, Number.MAX_SAFE_INTEGER);
    if (!checked.ok) return checked;
    if (!ids.includes(checked.value)) ids.push(checked.value);
  }
  return ok({ kind, ids: ids.sort((a, b) => a - b) });
}

/**
 * Checks a coupon's terms: a new one from `input` alone (code, kind and value required), a change as `input` over
 * `base`. The result is checked whole (a percent within 1–100 %, the window's end after its start).
 */
export function validateCouponTerms(input: CouponInput, currency: string, base?: CouponTerms): Result<CouponTerms, ValidationError> {
  const has = (key: keyof CouponInput) => Object.hasOwn(input, key) && input[key] !== undefined;
  if (!base) for (const key of ['code', 'kind', 'value'] as const) if (!has(key)) return invalid(key, 'is required');
  const terms: CouponTerms = base
    ? { ...base, scope: { ...base.scope, ids: [...base.scope.ids] } }
    : {
        code: '',
        kind: 'fixed',
        value: 0,
        currency,
        minTotal: minor(0),
        sellerId: HOUSE_SELLER_ID,
        scope: { kind: 'all', ids: [] },
        startsAt: null,
        endsAt: null,
        totalLimit: null,
        perShopperLimit: null,
        firstOrderOnly: false,
        active: true,
      };
  if (has('code')) {
    if (base) return invalid('code', 'cannot change: issue a new coupon instead');
    const code = typeof input.code === 'string' ? normaliseCouponCode(input.code) : '';
    if (!COUPON_CODE_PATTERN.test(code)) return invalid('code', '3–32 letters, digits, - or _ (case does not matter)');
    terms.code = code;
  }
  if (has('kind')) {
    const kind = COUPON_KINDS.find((k) => k === input.kind);
    if (kind === undefined) return invalid('kind', `must be one of ${COUPON_KINDS.join(', ')}`);
    terms.kind = kind;
  }
  if (has('value')) {
    const value = positiveInt('value', input.value, MAX_MINOR_UNITS);
    if (!value.ok) return value;
    terms.value = value.value;
  }
  if (terms.kind === 'percent' && terms.value > FULL_PERCENT_BP) return invalid('value', `a percentage is in basis points: 1–${FULL_PERCENT_BP} (100 %)`);
  if (has('minTotal')) {
    const min = nonNegativeInt('minTotal', input.minTotal, MAX_MINOR_UNITS);
    if (!min.ok) return min;
    terms.minTotal = minor(min.value);
  }
  if (has('sellerId')) {
    const seller = positiveInt('sellerId', input.sellerId, Number.MAX_SAFE_INTEGER);
    if (!seller.ok) return seller;
    terms.sellerId = seller.value;
  }
  if (has('scope')) {
    const scope = scopeOf(input.scope);
    if (!scope.ok) return scope;
    terms.scope = scope.value;
  }
  for (const key of ['startsAt', 'endsAt'] as const) {
    if (!has(key)) continue;
    const date = dateOrNull(key, input[key]);
    if (!date.ok) return date;
    terms[key] = date.value;
  }
  if (terms.startsAt !== null && terms.endsAt !== null && terms.endsAt <= terms.startsAt) return invalid('endsAt', 'must be after startsAt');
  for (const key of ['totalLimit', 'perShopperLimit'] as const) {
    if (!has(key)) continue;
    const limit = limitOrNull(key, input[key]);
    if (!limit.ok) return limit;
    terms[key] = limit.value;
  }
  for (const key of ['firstOrderOnly', 'active'] as const) {
    if (!has(key)) continue;
    const flag = input[key];
    if (typeof flag !== 'boolean') return invalid(key, 'must be true or false');
    terms[key] = flag;
  }
  return ok(terms);
}
