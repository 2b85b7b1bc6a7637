/**
 * Every random value the domain needs (order numbers, unguessable references) comes through this port, so a test can
 * make them deterministic and nothing in the domain draws randomness on its own.
 */
export interface Ids {
  /** `count` random decimal digits. */
  digits(count: number): string;
  /** A random, practically unique reference (a UUID). */
  uuid(): string;
}
