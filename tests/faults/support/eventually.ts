// Polling for what happens in other processes (callbacks, jobs, deliveries), with their output when it never does.

/** Asks until the probe's value is accepted; the last value (and the processes' output) is in the error. */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  context?: { outputs(): string },
  intervalMs = 250,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}${context ? `\n${context.outputs()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
