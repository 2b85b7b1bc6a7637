const RECHECK_INTERVAL_MS = 25;

/**
 * Lets the user-side driver await "the bot did something" without sleeping blindly: every state change
 * calls notify(), and waitFor() re-checks its condition on each one (and every few milliseconds, for
 * conditions on things outside the local Bot API's state) until it holds or the time runs out.
 */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  waitFor<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const stop = (): void => {
        this.listeners.delete(listener);
        clearTimeout(timer);
        clearInterval(recheck);
      };
      const listener = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          stop();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value === undefined) return;
        stop();
        resolve(value);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      const recheck = setInterval(listener, RECHECK_INTERVAL_MS);
      this.listeners.add(listener);
    });
  }
}
