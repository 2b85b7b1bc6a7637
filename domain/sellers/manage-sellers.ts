import { setSellerShelfListed } from '../catalog';
import { adminNotice, sellerNotice } from '../messaging';
import { emailAddressOf } from '../shared/email-address';
import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError, invalid, nonNegativeInt, positiveInt, text } from '../shared/validation';
import { FULL_BPS, HOUSE_SELLER_ID, SELLER_DECISIONS, Seller, SellerDecision, SellerProfile, SellerTerms } from './seller';
import { SellersDeps } from './sellers-deps';

export interface SellerApplication {
  shopName?: unknown;
  contact?: unknown;
  description?: unknown;
  email?: unknown;
}

export interface NewSeller extends SellerApplication {
  telegramUserId?: unknown;
}

type Checked<T> = Result<T, ValidationError>;
type ManageError = ValidationError | DomainError<'SELLER_NOT_FOUND' | 'SELLER_EXISTS' | 'SELLER_STATE_CONFLICT'>;

const MAX_WINDOW_MINUTES = 30 * 24 * 60;
const TELEGRAM_ID = /^[1-9][0-9]{0,19}$/;

function checkEmail(value: unknown): Checked<string | null> {
  if (value === undefined || value === null || value === '') return ok(null);
  if (typeof value !== 'string' || emailAddressOf(value) === null) return invalid('email', 'must be an e-mail address');
  return ok(value.trim());
}

const FIELD_RULES = { shopName: [2, 80], contact: [3, 200], description: [0, 1000] } as const;

/** One answer of an application as it is given (the chat asks one at a time), by the same rules as the whole. */
export function checkApplicationField(field: keyof typeof FIELD_RULES, value: unknown): Checked<string> {
  const [min, max] = FIELD_RULES[field];
  return text(field, value, min, max);
}

function checkApplication(input: SellerApplication): Checked<Required<SellerProfile>> {
  const shopName = checkApplicationField('shopName', input.shopName);
  if (!shopName.ok) return shopName;
  const contact = checkApplicationField('contact', input.contact);
  if (!contact.ok) return contact;
  const description = checkApplicationField('description', input.description ?? '');
  if (!description.ok) return description;
  const email = checkEmail(input.email);
  if (!email.ok) return email;
  return ok({ shopName: shopName.value, contact: contact.value, description: description.value, email: email.value });
}

/**
 * A Telegram user asks to sell (`/sell`): a pending shop the admins hear about. One shop per user: a second
 * application while one is pending or active is SELLER_EXISTS; a refused applicant may apply again.
 */
export async function applyToSell(deps: SellersDeps, telegramUserId: string, input: SellerApplication): Promise<Result<Seller, ManageError>> {
  if (!TELEGRAM_ID.test(telegramUserId)) return invalid('telegramUserId', 'must be a Telegram user id');
  const profile = checkApplication(input);
  if (!profile.ok) return profile;
  return deps.uow.run(async (tx): Promise<Result<Seller, ManageError>> => {
    const now = deps.clock.now();
    const existing = await tx.sellers.findByTelegramUser(telegramUserId);
    let seller: Seller;
    if (existing) {
      if (existing.status !== 'rejected' || !(await tx.sellers.reapply(existing.id, profile.value, now))) {
        return fail('SELLER_EXISTS', `user ${telegramUserId} has shop ${existing.id} (${existing.status})`, { sellerId: existing.id, status: existing.status });
      }
      if (profile.value.email !== null) await tx.sellers.setProfile(existing.id, { email: profile.value.email }, now);
      seller = { ...existing, ...profile.value, status: 'pending', updatedAt: now };
    } else {
      const inserted = await tx.sellers.insert(
        { telegramUserId, ...profile.value, status: 'pending', commissionBps: null, confirmWindowMinutes: null, autoConfirm: false },
        now,
      );
      if (inserted === 'TELEGRAM_USER_TAKEN') return fail('SELLER_EXISTS', `user ${telegramUserId} has a shop already`);
      seller = inserted;
    }
    await tx.outbox.enqueue(
      [adminNotice({ event: 'SELLER_APPLIED', detail: `#${seller.id} ${seller.shopName} — ${seller.contact}` }, `${seller.id}:${now.getTime()}`)],
      now,
    );
    return ok(seller);
  });
}

/** An admin makes a shop directly: active at once (optionally run by a Telegram user, who is told). */
export async function createSeller(deps: SellersDeps, input: NewSeller): Promise<Result<Seller, ManageError>> {
  const profile = checkApplication(input);
  if (!profile.ok) return profile;
  const telegramUserId = input.telegramUserId === undefined || input.telegramUserId === null ? null : String(input.telegramUserId);
  if (telegramUserId !== null && !TELEGRAM_ID.test(telegramUserId)) return invalid('telegramUserId', 'must be a Telegram user id');
  return deps.uow.run(async (tx): Promise<Result<Seller, ManageError>> => {
    const now = deps.clock.now();
    const inserted = await tx.sellers.insert(
      { telegramUserId, ...profile.value, status: 'active', commissionBps: null, confirmWindowMinutes: null, autoConfirm: false },
      now,
    );
    if (inserted === 'TELEGRAM_USER_TAKEN') return fail('SELLER_EXISTS', `user ${telegramUserId} has a shop already`);
    await tx.outbox.enqueue([sellerNotice({ sellerId: inserted.id, event: 'SELLER_APPROVED', detail: inserted.shopName }, String(inserted.id))], now);
    return ok(inserted);
  });
}

const DECISION_EVENTS = {
  approve: 'SELLER_APPROVED',
  reject: 'SELLER_REJECTED',
  suspend: 'SELLER_SUSPENDED',
  reinstate: 'SELLER_REINSTATED',
} as const satisfies Record<SellerDecision, string>;

/**
 * An admin's decision on a shop — one conditional UPDATE from the statuses the decision allows, so two admins
 * deciding at once (or a repeated press) change it once; the other gets SELLER_STATE_CONFLICT. The seller is told.
 */
export async function decideSeller(deps: SellersDeps, id: number, decision: SellerDecision): Promise<Result<Seller, ManageError>> {
  if (id === HOUSE_SELLER_ID) return fail('SELLER_STATE_CONFLICT', 'the house shop is always open');
  const rule = SELLER_DECISIONS[decision];
  return deps.uow.run(async (tx): Promise<Result<Seller, ManageError>> => {
    const now = deps.clock.now();
    if (!(await tx.sellers.changeStatus(id, rule.from, rule.to, now))) {
      const current = await tx.sellers.findById(id);
      if (!current) return fail('SELLER_NOT_FOUND', `no shop ${id}`);
      return fail('SELLER_STATE_CONFLICT', `shop ${id} is ${current.status}: cannot ${decision} it`, { status: current.status });
    }
    const seller = await tx.sellers.findById(id);
    if (!seller) return fail('SELLER_NOT_FOUND', `no shop ${id}`);
    await tx.outbox.enqueue([sellerNotice({ sellerId: id, event: DECISION_EVENTS[decision], detail: seller.shopName }, `${id}:${now.getTime()}`)], now);
    // Shoppers see a shop's goods exactly while it is active: its shelf closes and opens with its status, in this
    // commit. Last: the shop's product rows are the hot locks here.
    await setSellerShelfListed(tx, id, rule.to === 'active', now);
    return ok(seller);
  });
}

export interface TermsInput {
  commissionBps?: unknown;
  confirmWindowMinutes?: unknown;
  autoConfirm?: unknown;
}

function checkTerms(input: TermsInput): Checked<SellerTerms> {
  const terms: SellerTerms = {};
  if (input.commissionBps !== undefined) {
    if (input.commissionBps === null) terms.commissionBps = null;
    else {
      const bps = nonNegativeInt('commissionBps', input.commissionBps, FULL_BPS);
      if (!bps.ok) return bps;
      terms.commissionBps = bps.value;
    }
  }
  if (input.confirmWindowMinutes !== undefined) {
    if (input.confirmWindowMinutes === null) terms.confirmWindowMinutes = null;
    else {
      const minutes = positiveInt('confirmWindowMinutes', input.confirmWindowMinutes, MAX_WINDOW_MINUTES);
      if (!minutes.ok) return minutes;
      terms.confirmWindowMinutes = minutes.value;
    }
  }
  if (input.autoConfirm !== undefined) {
    if (typeof input.autoConfirm !== 'boolean') return invalid('autoConfirm', 'must be true or false');
    terms.autoConfirm = input.autoConfirm;
  }
  if (Object.keys(terms).length === 0) return invalid('terms', 'name at least one of commissionBps, confirmWindowMinutes, autoConfirm');
  return ok(terms);
}

const describeTerms = (s: Seller): string =>
  `commission ${s.commissionBps === null ? 'default' : `${s.commissionBps / 100}%`}, confirm within ${s.confirmWindowMinutes === null ? 'default' : `${s.confirmWindowMinutes} min`}, auto-confirm ${s.autoConfirm ? 'on' : 'off'}`;

/** An admin sets a shop's commission (basis points; null = the platform default), confirmation window, auto-confirm. */
export async function setSellerTerms(deps: SellersDeps, id: number, input: TermsInput): Promise<Result<Seller, ManageError>> {
  const terms = checkTerms(input);
  if (!terms.ok) return terms;
  return deps.uow.run(async (tx): Promise<Result<Seller, ManageError>> => {
    const now = deps.clock.now();
    if (!(await tx.sellers.setTerms(id, terms.value, now))) return fail('SELLER_NOT_FOUND', `no shop ${id}`);
    const seller = await tx.sellers.findById(id);
    if (!seller) return fail('SELLER_NOT_FOUND', `no shop ${id}`);
    await tx.outbox.enqueue([sellerNotice({ sellerId: id, event: 'TERMS_CHANGED', detail: describeTerms(seller) }, `${id}:${now.getTime()}`)], now);
    return ok(seller);
  });
}

/** A seller changes their own shop's words or mail address (the id comes from their verified identity, never the client). */
export async function updateSellerProfile(deps: SellersDeps, id: number, input: SellerApplication): Promise<Result<Seller, ManageError>> {
  const profile: SellerProfile = {};
  if (input.shopName !== undefined) {
    const v = text('shopName', input.shopName, 2, 80);
    if (!v.ok) return v;
    profile.shopName = v.value;
  }
  if (input.contact !== undefined) {
    const v = text('contact', input.contact, 3, 200);
    if (!v.ok) return v;
    profile.contact = v.value;
  }
  if (input.description !== undefined) {
    const v = text('description', input.description, 0, 1000);
    if (!v.ok) return v;
    profile.description = v.value;
  }
  if (input.email !== undefined) {
    const v = checkEmail(input.email);
    if (!v.ok) return v;
    profile.email = v.value;
  }
  return deps.uow.run(async (tx): Promise<Result<Seller, ManageError>> => {
    if (!(await tx.sellers.setProfile(id, profile, deps.clock.now()))) return fail('SELLER_NOT_FOUND', `no shop ${id}`);
    const seller = await tx.sellers.findById(id);
    return seller ? ok(seller) : fail('SELLER_NOT_FOUND', `no shop ${id}`);
  });
}
