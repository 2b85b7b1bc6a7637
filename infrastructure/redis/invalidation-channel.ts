/**
 * "Something you cached changed": a message to every instance of the shop (this one included) on a named topic.
 * Delivery is best effort — a cache that listens keeps a short lifetime for what a lost message would leave stale.
 */
export interface InvalidationChannel {
  publish(topic: string): void;
  /** Returns the unsubscribe. */
  subscribe(topic: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** One topic of a channel, as a cache takes it. */
export const topicOf = (channel: InvalidationChannel, topic: string) => ({
  publish: () => channel.publish(topic),
  subscribe: (listener: () => void) => channel.subscribe(topic, listener),
});
