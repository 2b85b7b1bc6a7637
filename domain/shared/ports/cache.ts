/** A shared cache of strings (callers serialise their own values, e.g. as JSON). */
export interface Cache {
  /** Throws KeyValueUnavailableError when the backing store cannot answer. */
  get(key: string): Promise<string | null>;
  /** Throws KeyValueUnavailableError when the backing store cannot answer. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Throws KeyValueUnavailableError when the backing store cannot answer. */
  delete(key: string): Promise<void>;
  /**
   * The cached value, or the loader's, which is then cached for ttlMs. Concurrent calls for one key in this
   * process share one load. A cache that cannot answer degrades to calling the loader, never to a failure:
   * the cache only saves work, it is never the source of truth. Loader errors propagate and are not cached.
   */
  getOrLoad(key: string, ttlMs: number, loader: () => Promise<string>): Promise<string>;
}
