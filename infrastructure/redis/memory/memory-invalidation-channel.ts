import { EventEmitter } from 'node:events';
import { InvalidationChannel } from '../invalidation-channel';
import { KeySpace } from '../key-space';

// One bus per process: shops in one process (tests, a CLI beside the server) without Redis hear each other, as
// instances sharing a Redis do.
const bus = new EventEmitter().setMaxListeners(0);

/** The in-process twin of RedisInvalidationChannel. */
export class MemoryInvalidationChannel implements InvalidationChannel {
  private readonly unsubscribes = new Set<() => void>();

  constructor(private readonly keys: KeySpace) {}

  publish(topic: string): void {
    bus.emit(this.keys.key('invalidate', topic));
  }

  subscribe(topic: string, listener: () => void): () => void {
    const name = this.keys.key('invalidate', topic);
    bus.on(name, listener);
    const unsubscribe = () => {
      bus.off(name, listener);
      this.unsubscribes.delete(unsubscribe);
    };
    this.unsubscribes.add(unsubscribe);
    return unsubscribe;
  }

  async close(): Promise<void> {
    for (const unsubscribe of [...this.unsubscribes]) unsubscribe();
  }
}
