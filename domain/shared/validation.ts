import { DomainError, Result, err, ok } from './result';

export type ValidationError = DomainError<'VALIDATION_FAILED'>;

export const invalid = (field: string, message: string): Result<never, ValidationError> =>
  err({ code: 'VALIDATION_FAILED', message: `${field}: ${message}`, details: { field } });

export function positiveInt(field: string, value: unknown, max: number): Result<number, ValidationError> {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalid(field, 'must be an integer');
  if (value < 1) return invalid(field, 'must be at least 1');
  if (value > max) return invalid(field, `must be at most ${max}`);
  return ok(value);
}

export function nonNegativeInt(field: string, value: unknown, max: number): Result<number, ValidationError> {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalid(field, 'must be an integer');
  if (value < 0) return invalid(field, 'must not be negative');
  if (value > max) return invalid(field, `must be at most ${max}`);
  return ok(value);
}

export function text(field: string, value: unknown, min: number, max: number): Result<string, ValidationError> {
  if (typeof value !== 'string') return invalid(field, 'must be a string');
  const trimmed = value.trim();
  if ([...trimmed].length < min) return invalid(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if ([...trimmed].length > max) return invalid(field, `must be at most ${max} characters`);
  return ok(trimmed);
}
