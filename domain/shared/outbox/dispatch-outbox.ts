import { Clock } from '../clock';
import { forEachConcurrently } from '../concurrently';
import { UnitOfWork } from '../unit-of-work';
import { HandlerOutcome, OutboxHandlers, STANDARD_RETRY } from './outbox-handler';
import { OutboxMessage } from './outbox-repository';

export interface DispatchDeps {
  uow: UnitOfWork;
  clock: Clock;
  handlers: OutboxHandlers;
  /** Identifies this process's claims; another process never completes or fails them. */
  owner: string;
  leaseMs: number;
  log: (message: string, fields: Record<string, unknown>) => void;
}

export interface DispatchReport {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

/** Claims a batch of due messages and runs each through its topic's handler. Several dispatchers may run at once. */
export async function dispatchOutbox(deps: DispatchDeps, batchSize: number): Promise<DispatchReport> {
  const now = deps.clock.now();
  const claimed = await deps.uow.run((tx) => tx.outbox.claimDue(deps.owner, now, new Date(now.getTime() + deps.leaseMs), batchSize));
  const report: DispatchReport = { claimed: claimed.length, done: 0, retried: 0, dead: 0 };
  // Messages are independent (each handler is idempotent): a slow one — a chat API waiting out a 429, a merchant's
  // webhook — must not hold up the deliveries queued behind it.
  await forEachConcurrently(claimed, DISPATCH_CONCURRENCY, (message) => dispatchOne(deps, message, report));
  return report;
}

const DISPATCH_CONCURRENCY = 8;

async function dispatchOne(deps: DispatchDeps, message: OutboxMessage, report: DispatchReport): Promise<void> {
  const handler = deps.handlers.get(message.topic);
  let outcome: HandlerOutcome;
  if (!handler) outcome = { kind: 'retry', reason: `no handler for topic ${message.topic}` };
  else {
    try {
      outcome = await handler.handle(message);
    } catch (e) {
      outcome = { kind: 'retry', reason: e instanceof Error ? e.message : String(e) };
    }
  }
  const at = deps.clock.now();
  if (outcome.kind === 'done') {
    await deps.uow.run((tx) => tx.outbox.complete(message.id, deps.owner, at));
    report.done += 1;
    return;
  }
  // A topic nobody here handles is tried again later: another build of the shop may know it.
  const retry = handler?.retry ?? STANDARD_RETRY;
  const dead = outcome.kind === 'dead' || message.attempts + 1 >= retry.maxAttempts;
  const reason = outcome.reason;
  await deps.uow.run((tx) => tx.outbox.fail(message.id, deps.owner, reason.slice(0, 500), new Date(at.getTime() + retry.backoffMs(message.attempts)), dead));
  deps.log('outbox message failed', { id: message.id, topic: message.topic, attempts: message.attempts + 1, dead, error: reason });
  if (dead) report.dead += 1;
  else report.retried += 1;
}
