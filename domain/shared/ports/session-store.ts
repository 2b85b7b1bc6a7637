/**
 * Conversation state (e.g. the Telegram bot's sessions), kept as JSON so any process can continue a chat.
 * Throws KeyValueUnavailableError when the backing store cannot answer.
 */
export interface SessionStore {
  /** The stored value as JSON gives it back (Dates come back as strings), or undefined when absent/expired. */
  get(key: string): Promise<unknown>;
  /** Stores a JSON-serialisable value for ttlMs; undefined removes the key, as JSON has no undefined. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
