/** One message to queue, as the outbox stores it: the topic's name, a JSON payload, a dedupe key. */
export interface OutboxEntry {
  readonly topic: string;
  readonly payload: object;
  /** Unique: the same fact is never queued twice (e.g. `deliver:T2026…`). */
  readonly dedupeKey: string;
}

/**
 * A kind of outbox message with its payload type, declared next to the use case that owns it. Messages are typed
 * where they are made (`message`) and where they are handled (`decode`); in between they are JSON in a table.
 */
export interface Topic<P extends object> {
  readonly name: string;
  message(payload: P, dedupeKey: string): OutboxEntry;
  /** Reads a stored payload back; null when it is not this topic's (a message no handler can act on). */
  decode(payload: Readonly<Record<string, unknown>>): P | null;
}

export function defineTopic<P extends object>(name: string, decode: (payload: Readonly<Record<string, unknown>>) => P | null): Topic<P> {
  return { name, decode, message: (payload, dedupeKey) => ({ topic: name, payload, dedupeKey }) };
}

/** Payload field readers for decoders. */
export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
export const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
