import { Clock } from './clock';
import { OutboxMessage } from './outbox';
import { UnitOfWork } from './unit-of-work';

/** Handles one message; a thrown error or `false` schedules a retry with backoff. */
export type OutboxHandler = (message: OutboxMessage) => Promise<boolean>;

export interface DispatchDeps {
  uow: UnitOfWork;
  clock: Clock;
  handlers: Readonly<Partial<Record<string, OutboxHandler>>>;
  /** Identifies this process's claims; another process never completes or fails them. */
  owner: string;
  leaseMs: number;
  maxAttempts: number;
  log: (message: string, fields: Record<string, unknown>) => void;
}

export interface DispatchReport {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

/** Retry in 5 s, 10 s, 20 s … capped at 30 min. */
export const outboxBackoffMs = (attempts: number): number => Math.min(5_000 * 2 ** attempts, 30 * 60_000);

/** Claims a batch of due messages and runs each through its topic's handler. Several dispatchers may run at once. */
export async function dispatchOutbox(deps: DispatchDeps, batchSize: number): Promise<DispatchReport> {
  const now = deps.clock.now();
  const claimed = await deps.uow.run((tx) => tx.outbox.claimDue(deps.owner, now, new Date(now.getTime() + deps.leaseMs), batchSize));
  const report: DispatchReport = { claimed: claimed.length, done: 0, retried: 0, dead: 0 };
  // Messages are independent (each handler is idempotent): a slow one — a chat API waiting out a 429, a merchant's
  // webhook — must not hold up the deliveries queued behind it.
  let next = 0;
  const worker = async () => {
    for (;;) {
      const message = claimed[next++];
      if (message === undefined) return;
      await dispatchOne(deps, message, report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DISPATCH_CONCURRENCY, claimed.length) }, worker));
  return report;
}

const DISPATCH_CONCURRENCY = 8;

async function dispatchOne(deps: DispatchDeps, message: OutboxMessage, report: DispatchReport): Promise<void> {
  const handler = deps.handlers[message.topic];
  let error: string | null = handler ? null : `no handler for topic ${message.topic}`;
  if (handler) {
    try {
      if (!(await handler(message))) error = 'handler reported failure';
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const at = deps.clock.now();
  if (error === null) {
    await deps.uow.run((tx) => tx.outbox.complete(message.id, deps.owner, at));
    report.done += 1;
    return;
  }
  const failure = error;
  const dead = message.attempts + 1 >= deps.maxAttempts;
  await deps.uow.run((tx) => tx.outbox.fail(message.id, deps.owner, failure.slice(0, 500), new Date(at.getTime() + outboxBackoffMs(message.attempts)), dead));
  deps.log('outbox message failed', { id: message.id, topic: message.topic, attempts: message.attempts + 1, dead, error: failure });
  if (dead) report.dead += 1;
  else report.retried += 1;
}
