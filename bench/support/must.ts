/** The value, or a clear failure naming what was missing (index access is checked under noUncheckedIndexedAccess). */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench: ${what} is missing`);
  return value;
}
