import { OutboxMessage } from './outbox-repository';
import { Topic } from './topic';

/** What became of one message: done, try again later (with backoff), or give up now (DEAD, for a person to look at). */
export type HandlerOutcome =
  { readonly kind: 'done' } | { readonly kind: 'retry'; readonly reason: string } | { readonly kind: 'dead'; readonly reason: string };

export const done: HandlerOutcome = { kind: 'done' };
export const retry = (reason: string): HandlerOutcome => ({ kind: 'retry', reason });
export const giveUp = (reason: string): HandlerOutcome => ({ kind: 'dead', reason });

/** How often and how patiently a topic's messages are tried again; after `maxAttempts` failures a message is DEAD. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** The wait before the next try, after `attempts` failed ones (0 = the first failure). */
  backoffMs(attempts: number): number;
}

/** Retry in 5 s, 10 s, 20 s … capped at 30 min; dead after 12 tries. */
export const STANDARD_RETRY: RetryPolicy = { maxAttempts: 12, backoffMs: (attempts) => Math.min(5_000 * 2 ** attempts, 30 * 60_000) };

/** A topic's handler as the dispatcher sees it: the payload decoded and typed before the handler runs. */
export interface OutboxHandler {
  readonly topic: string;
  readonly retry: RetryPolicy;
  /** A thrown error counts as `retry`. */
  handle(message: OutboxMessage): Promise<HandlerOutcome>;
}

/** Registers what to do with a topic's messages. A payload that does not decode is dead at once: retrying cannot fix it. */
export function handle<P extends object>(
  topic: Topic<P>,
  run: (payload: P, message: OutboxMessage) => Promise<HandlerOutcome>,
  retryPolicy: RetryPolicy = STANDARD_RETRY,
): OutboxHandler {
  return {
    topic: topic.name,
    retry: retryPolicy,
    handle: async (message) => {
      const payload = topic.decode(message.payload);
      return payload === null ? giveUp(`payload is not a ${topic.name} message`) : run(payload, message);
    },
  };
}

/** The handlers of one process by topic; each topic has exactly one. */
export class OutboxHandlers {
  private readonly byTopic = new Map<string, OutboxHandler>();

  constructor(handlers: readonly OutboxHandler[] = []) {
    for (const handler of handlers) this.register(handler);
  }

  /** A second handler for a topic is a wiring mistake, said at start-up. */
  register(handler: OutboxHandler): void {
    if (this.byTopic.has(handler.topic)) throw new Error(`outbox topic ${handler.topic} has a handler already`);
    this.byTopic.set(handler.topic, handler);
  }

  get(topic: string): OutboxHandler | undefined {
    return this.byTopic.get(topic);
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }
}
