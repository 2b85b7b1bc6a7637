import { InvalidationChannel } from './invalidation-channel';
import { KeySpace } from './key-space';
import { type RedisClient, RedisConnection } from './redis-connection';

/**
 * Redis pub/sub between the shop's instances. Publishing goes over the shared connection (never waits long, a
 * failure is logged); listening needs a connection of its own (a subscribed connection takes no other commands).
 * A subscriber that was disconnected may have missed messages, so when it is back every listener hears once.
 */
export class RedisInvalidationChannel implements InvalidationChannel {
  private subscriber: RedisClient | null = null;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeySpace,
    private readonly log: (line: string) => void,
  ) {}

  publish(topic: string): void {
    const channel = this.keys.key('invalidate', topic);
    this.redis
      .run('PUBLISH', (client) => client.publish(channel, '1'))
      .catch((error: unknown) => {
        this.log(`invalidation of ${topic} not published (other instances see the change when their cache expires): ${String(error)}`);
      });
  }

  subscribe(topic: string, listener: () => void): () => void {
    const channel = this.keys.key('invalidate', topic);
    const subscriber = this.connect();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      subscriber.subscribe(channel).catch((error: unknown) => this.log(`cannot subscribe to ${channel}: ${String(error)}`));
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.listeners.clear();
    if (subscriber) subscriber.disconnect();
  }

  private connect(): RedisClient {
    if (this.subscriber) return this.subscriber;
    // On a cluster PUBLISH reaches every node over the cluster bus, so one subscribed node hears every instance.
    const subscriber = this.redis.subscriber();
    let connectedBefore = false;
    subscriber.on('error', () => undefined); // the shared connection already says when Redis is down
    subscriber.on('ready', () => {
      if (connectedBefore) this.notifyAll();
      connectedBefore = true;
    });
    subscriber.on('message', (channel: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener();
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private notifyAll(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener();
  }
}
