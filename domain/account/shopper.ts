/** A shopper as Telegram tells us about them; the id is the Telegram user id, as a decimal string. */
export interface ShopperProfile {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
}

export interface UserRepository {
  /** Inserts or refreshes the profile. */
  upsert(profile: ShopperProfile, now: Date): Promise<void>;
  find(id: string): Promise<ShopperProfile | null>;
  /**
   * Takes the shopper's row lock for the rest of the transaction (a write to the row), so that one shopper's
   * placements run one at a time: the unpaid cap and the idempotency key cannot be raced. False if unknown.
   */
  lockForOrdering(id: string, now: Date): Promise<boolean>;
}
