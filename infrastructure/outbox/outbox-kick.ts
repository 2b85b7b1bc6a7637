import { OutboxRepository } from '../../domain/shared/outbox/outbox-repository';
import { TxBase, UnitOfWork } from '../../domain/shared/unit-of-work';

/** Wraps a UnitOfWork so that a commit which queued outbox work wakes the dispatcher (after the commit, never before). */
export function withOutboxKick<R>(inner: UnitOfWork<R>, kick: () => void): UnitOfWork<R> {
  return {
    // A read queues nothing: nothing to wake.
    read: (work) => inner.read(work),
    run<T>(work: (tx: TxBase & R) => Promise<T>): Promise<T> {
      return inner.run((tx) => {
        let kicked = false;
        const queued = tx.outbox;
        const outbox: OutboxRepository = {
          enqueue: async (entries, now) => {
            const added = await queued.enqueue(entries, now);
            if (added > 0 && !kicked) {
              kicked = true;
              tx.afterCommit(kick);
            }
            return added;
          },
          claimDue: (owner, now, leaseUntil, limit) => queued.claimDue(owner, now, leaseUntil, limit),
          complete: (id, owner, now) => queued.complete(id, owner, now),
          fail: (id, owner, error, nextAttemptAt, dead) => queued.fail(id, owner, error, nextAttemptAt, dead),
          countByStatus: () => queued.countByStatus(),
        };
        return work({ ...tx, outbox });
      });
    },
  };
}
