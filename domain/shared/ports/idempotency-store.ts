export type IdempotencyBegin = { readonly state: 'started' } | { readonly state: 'in-progress' } | { readonly state: 'completed'; readonly value: string };

/**
 * Lets exactly one caller perform the work behind a key; the others see it running or get its recorded result.
 * Throws KeyValueUnavailableError when the backing store cannot answer.
 */
export interface IdempotencyStore {
  /** Atomically claims the key for ttlMs ('started'), or reports what another caller already did with it. */
  begin(key: string, ttlMs: number): Promise<IdempotencyBegin>;
  /** Records the result that later begins with the same key receive, for ttlMs. */
  complete(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Gives up an in-progress claim so a retry can start again. A completed key keeps its result: once the
   * work is done, replaying its outcome is always safer than doing it twice.
   */
  abandon(key: string): Promise<void>;
}
