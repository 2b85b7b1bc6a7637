/**
 * Work done at most once per interval for a key, however many processes ask: the first takes a lease and runs it,
 * its outcome is kept for the interval, and everyone else (here or on another instance) gets that outcome instead
 * of running the work again. Throws KeyValueUnavailableError when the backing store cannot answer.
 */
export interface SharedFlight {
  /**
   * The outcome of the work — run now, or by whoever ran it within `intervalMs` — as JSON gives it back; undefined
   * when another process is still running it and did not finish within the wait.
   */
  once<T>(key: string, intervalMs: number, work: () => Promise<T>): Promise<T | undefined>;
}
