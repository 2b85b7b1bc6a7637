/** Longest single pause between attempts: a caller (a shopper, a job) is waiting on the whole sequence. */
export const MAX_BACKOFF_MS = 5000;

/**
 * Exponential backoff with jitter: base·2^attempt, capped, then a random point in its upper half so that many
 * replicas retrying the same outage do not hit the provider in lock-step while each still waits a guaranteed minimum.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
