import { AccountDeps } from './account-deps';
import { ShopperProfile } from './shopper';

/** Refresh a shopper's profile at most this often (every request carries it; few change it). */
const PROFILE_REFRESH_MS = 10 * 60_000;
const MAX_REMEMBERED = 50_000;

/** Records who a shopper is (Telegram profile), skipping the write when this process wrote the same profile lately. */
export function shopperIdentifier(deps: Pick<AccountDeps, 'uow' | 'clock'>): (profile: ShopperProfile) => Promise<void> {
  const seen = new Map<string, { at: number; fingerprint: string }>();
  return async (profile) => {
    const fingerprint = JSON.stringify(profile);
    const now = deps.clock.now();
    const last = seen.get(profile.id);
    if (last && last.fingerprint === fingerprint && now.getTime() - last.at < PROFILE_REFRESH_MS) return;
    await deps.uow.run((tx) => tx.users.upsert(profile, now));
    if (seen.size > MAX_REMEMBERED) seen.clear();
    seen.set(profile.id, { at: now.getTime(), fingerprint });
  };
}
