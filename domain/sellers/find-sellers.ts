import { Result, fail, ok } from '../shared/result';
import { DomainError } from '../shared/result';
import { Page, PageQuery, pageOf, pageWindow } from '../shared/paging';
import { ValidationError } from '../shared/validation';
import { SellersDeps } from './sellers-deps';
import { Seller, SellerStatus } from './seller';

/**
 * The shop a Telegram user runs, when it is active — the seller role, read from our database only (the API's seller
 * access and the bot ask this; nothing the client sends makes anyone a seller). null otherwise.
 */
export async function findActiveSellerByTelegramUser(deps: Pick<SellersDeps, 'uow'>, telegramUserId: string): Promise<Seller | null> {
  if (telegramUserId === '') return null;
  const seller = await deps.uow.read((r) => r.sellers.findByTelegramUser(telegramUserId));
  return seller && seller.status === 'active' ? seller : null;
}

/** A Telegram user's shop in any state (their application's progress), or null. */
export const sellerOfTelegramUser = (deps: Pick<SellersDeps, 'uow'>, telegramUserId: string): Promise<Seller | null> =>
  deps.uow.read((r) => r.sellers.findByTelegramUser(telegramUserId));

/** A shop shoppers may see: active ones only (a suspended shop is not found). */
export async function getActiveSeller(deps: Pick<SellersDeps, 'uow'>, id: number): Promise<Result<Seller, DomainError<'SELLER_NOT_FOUND'>>> {
  const seller = await deps.uow.read((r) => r.sellers.findById(id));
  return seller && seller.status === 'active' ? ok(seller) : fail('SELLER_NOT_FOUND', `no shop ${id}`);
}

/** Any shop, for admins. */
export async function getSeller(deps: Pick<SellersDeps, 'uow'>, id: number): Promise<Result<Seller, DomainError<'SELLER_NOT_FOUND'>>> {
  const seller = await deps.uow.read((r) => r.sellers.findById(id));
  return seller ? ok(seller) : fail('SELLER_NOT_FOUND', `no shop ${id}`);
}

/** Shops by id; shoppers get the active ones, admins may ask for any statuses. */
export async function listSellers(
  deps: Pick<SellersDeps, 'uow'>,
  query: PageQuery & { statuses?: readonly SellerStatus[] },
): Promise<Result<Page<Seller>, ValidationError>> {
  const window = pageWindow(query, { default: 20, max: 100 });
  if (!window.ok) return window;
  const found = await deps.uow.read((r) => r.sellers.list({ statuses: query.statuses, offset: window.value.offset, limit: window.value.limit }));
  return ok(pageOf(window.value, found));
}

/** How long a shop's name is reused for product listings; a renamed shop shows its new name within this. */
const NAME_TTL_MS = 30_000;

/**
 * The names of the active shops among `ids`, for showing which shop sells an item. Kept in-process for a short while:
 * a product listing asks on every page, and names change rarely. A shop that is not active has no name here.
 */
export function sellerNames(deps: Pick<SellersDeps, 'uow' | 'clock'>): (ids: readonly number[]) => Promise<Map<number, string>> {
  const known = new Map<number, { name: string | null; at: number }>();
  return async (ids) => {
    const now = deps.clock.now().getTime();
    const missing = [...new Set(ids)].filter((id) => {
      const entry = known.get(id);
      return entry === undefined || now - entry.at > NAME_TTL_MS;
    });
    if (missing.length > 0) {
      const found = await deps.uow.read((r) => r.sellers.findManyByIds(missing));
      if (known.size > 10_000) known.clear();
      for (const id of missing) known.set(id, { name: null, at: now });
      for (const s of found) known.set(s.id, { name: s.status === 'active' ? s.shopName : null, at: now });
    }
    const names = new Map<number, string>();
    for (const id of ids) {
      const name = known.get(id)?.name;
      if (name) names.set(id, name);
    }
    return names;
  };
}
