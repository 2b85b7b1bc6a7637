/** A sleep that new work can cut short: the scheduler sleeps until something may go, or until it is woken. */
export class WakeableSleep {
  private wakeCurrent: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeCurrent === done) this.wakeCurrent = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeCurrent = done;
    });
  }

  /** Ends the current sleep now; a no-op when nobody sleeps. */
  wake(): void {
    this.wakeCurrent?.();
  }
}
