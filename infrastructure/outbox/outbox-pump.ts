import { DispatchDeps, dispatchOutbox } from '../../domain/shared/outbox/dispatch-outbox';
import { Logger } from '../logging/logger';

/**
 * Runs the outbox right after a commit that queued something (a kick), so a paid order is delivered in
 * milliseconds, not at the next cron tick. Kicks coalesce; the scheduled job covers other instances' work and retries.
 */
export class OutboxPump {
  private running = false;
  private again = false;
  private stopped = false;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DispatchDeps,
    private readonly batchSize: number,
    private readonly logger: Logger,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.current = new Promise((resolve) => setImmediate(() => void this.drain().finally(resolve)));
  }

  /** Waits for a kicked drain in flight, then drains what is still due (tests and shutdown use it). */
  async flush(): Promise<void> {
    await this.current;
    await this.drainOnce();
  }

  /** Drains until a batch comes back short; used by the scheduled job too. */
  async drainOnce(): Promise<{ claimed: number; done: number; retried: number; dead: number }> {
    const total = { claimed: 0, done: 0, retried: 0, dead: 0 };
    for (let round = 0; round < 20; round += 1) {
      const report = await dispatchOutbox(this.deps, this.batchSize);
      total.claimed += report.claimed;
      total.done += report.done;
      total.retried += report.retried;
      total.dead += report.dead;
      if (report.claimed < this.batchSize) break;
    }
    return total;
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.drainOnce();
      } while (this.again && !this.stopped);
    } catch (e) {
      this.logger.warn({ err: e }, 'outbox drain failed; the scheduled dispatch will retry');
    } finally {
      this.running = false;
    }
  }
}
