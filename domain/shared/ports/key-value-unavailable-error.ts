/**
 * The shared key-value service (Redis) could not answer in time: down, unreachable or overloaded.
 * An exception rather than a Result because no caller expects it on the happy path, yet a job or a door may
 * catch it to skip a run or answer "try again" instead of hanging.
 */
export class KeyValueUnavailableError extends Error {
  readonly code = 'KEY_VALUE_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyValueUnavailableError';
  }
}

export const isKeyValueUnavailable = (e: unknown): e is KeyValueUnavailableError => e instanceof KeyValueUnavailableError;
