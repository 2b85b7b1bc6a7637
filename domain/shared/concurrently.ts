/**
 * Runs `work` over `items` with at most `limit` in flight, in order of start; resolves when all have finished.
 * `work` is expected to handle its own failures (a rejection fails the whole run, as `Promise.all` does).
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
