/**
 * The value a test goes on to use, or a failure right here that says what was missing (an element past the end of a
 * list, a row or a call that never came) instead of a TypeError a few lines later.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${value}`);
  return value;
}
