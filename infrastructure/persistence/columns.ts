import { Minor, minor } from '../../domain/shared/money';
// Column shapes shared by the entity schemas. Times are BIGINT epoch milliseconds and money BIGINT minor units on
// both engines: no timezone conversion anywhere, and mysql2 hands BIGINT back as a string, which the transformer
// turns into a JS number (amounts stay below Number.MAX_SAFE_INTEGER by the Money rules).
import { EntitySchemaColumnOptions, ValueTransformer } from 'typeorm';

const bigintToNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

export const idColumn = (): EntitySchemaColumnOptions => ({
  type: 'bigint',
  primary: true,
  generated: 'increment',
  transformer: bigintToNumber,
});

export const bigintColumn = (nullable = false): EntitySchemaColumnOptions => ({ type: 'bigint', nullable, transformer: bigintToNumber });

export const intColumn = (): EntitySchemaColumnOptions => ({ type: 'int', transformer: bigintToNumber });

export const stringColumn = (length: number, nullable = false, primary = false): EntitySchemaColumnOptions => ({
  type: 'varchar',
  length,
  nullable,
  primary,
});

export const textColumn = (nullable = false): EntitySchemaColumnOptions => ({ type: 'text', nullable });

export const booleanColumn = (): EntitySchemaColumnOptions => ({ type: 'boolean' });

/** Date → epoch ms for a BIGINT column; an invalid Date is a programming error, never a silent NULL. */
export function toMs(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('cannot store an invalid Date');
  return ms;
}

export const toMsOrNull = (date: Date | null | undefined): number | null => (date ? toMs(date) : null);

export const toDate = (ms: number): Date => new Date(ms);

export const toDateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/**
 * Cuts text to at most `maxChars` characters (code points, as MySQL counts them, so no emoji is split in half). Both
 * engines then store the same thing: SQLite would keep a longer value that MySQL refuses.
 */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return Array.from(text).slice(0, maxChars).join('');
}

/** Narrows a stored string to one of the allowed values; anything else means the row was written by something else. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected value "${value}" in ${column}`);
  return found;
}

/** A nullable money column as the domain's minor units. */
export const minorOrNull = (value: number | null): Minor | null => (value === null ? null : minor(value));
