/** What the persistence layer reports: failed after-commit callbacks, retried conflicts. */
export interface PersistenceLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const consoleLogger: PersistenceLogger = {
  warn: (message, details) => console.warn(`[persistence] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[persistence] ${message}`, details ?? ''),
};
