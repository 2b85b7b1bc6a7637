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
