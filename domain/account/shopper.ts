/** A shopper as Telegram tells us about them; the id is the Telegram user id, as a decimal string. */
export interface ShopperProfile {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** Set when the profile comes from the shopper's own private chat with the bot: the bot may write to them. */
  chatOpen?: true;
}

export interface UserRepository {
  /** Inserts or refreshes the profile; a new shopper without `chatOpen` is one the bot cannot write to (yet). */
  upsert(profile: ShopperProfile, now: Date): Promise<void>;
  /** False only when the bot is known not to reach them (no chat yet, blocked, deleted); unknown counts as reachable. */
  chatReachable(id: string): Promise<boolean>;
  /** Telegram said the chat cannot be reached: later notices skip the chat until the shopper writes to the bot. */
  markChatUnreachable(id: string): Promise<void>;
  find(id: string): Promise<ShopperProfile | null>;
  /**
   * Takes the shopper's row lock for the rest of the transaction (a write to the row), so that one shopper's
   * placements run one at a time: the unpaid cap and the idempotency key cannot be raced. False if unknown, or, with
   * `unlessCheckoutLocked`, when the shopper is locked out of checkout at `now` (the lock is then not taken).
   */
  lockForOrdering(id: string, now: Date, unlessCheckoutLocked?: boolean): Promise<boolean>;
  /** The language the shopper chose with /lang (null = follow Telegram's language_code). False if unknown. */
  setPreferredLanguage(id: string, language: string | null): Promise<boolean>;
  preferredLanguage(id: string): Promise<string | null>;
  /** Where notices are mailed (null = no mail). False if unknown. */
  setEmail(id: string, email: string | null): Promise<boolean>;
  email(id: string): Promise<string | null>;
  /** Shopper ids in ascending string order after the cursor (null = from the start): a broadcast walks them. */
  listIds(after: string | null, limit: number): Promise<string[]>;
  count(): Promise<number>;
}
