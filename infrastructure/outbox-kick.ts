import { Tx, UnitOfWork } from '../domain/shared/unit-of-work';

/** Wraps a UnitOfWork so that a commit which queued outbox work wakes the dispatcher (after the commit, never before). */
export function withOutboxKick(inner: UnitOfWork, kick: () => void): UnitOfWork {
  return {
    run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return inner.run((tx) => {
        let kicked = false;
        const outbox = Object.create(tx.outbox) as Tx['outbox'];
        outbox.add = async (message, now) => {
          const added = await tx.outbox.add(message, now);
          if (added && !kicked) {
            kicked = true;
            tx.afterCommit(kick);
          }
          return added;
        };
        return work({ ...tx, outbox });
      });
    },
  };
}
