import type { IdempotencyBegin } from '../../domain/shared/ports/idempotency-store';

// One string per key holds both states, so "claim if absent, else tell me what is there" is a single atomic step.
export const IN_PROGRESS = 'p';
const COMPLETED_MARK = 'c:';

export const completedRecord = (value: string): string => `${COMPLETED_MARK}${value}`;

export function readRecord(stored: string): IdempotencyBegin {
  if (stored === IN_PROGRESS) return { state: 'in-progress' };
  if (stored.startsWith(COMPLETED_MARK)) return { state: 'completed', value: stored.slice(COMPLETED_MARK.length) };
  throw new Error(`unrecognised idempotency record ${JSON.stringify(stored.slice(0, 40))}: another writer uses this key`);
}
