import { OutboxMessage } from '../../../domain/shared/outbox/outbox-repository';
import { oneOf, toDate } from '../columns';
import { OutboxRow } from './outbox-entity';

const OUTBOX_STATUSES: readonly OutboxMessage['status'][] = ['PENDING', 'DONE', 'DEAD'];

function parsePayload(row: OutboxRow): Record<string, unknown> {
  const parsed: unknown = JSON.parse(row.payload);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`outbox message ${row.id} has a payload that is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

export const outboxMessageFromRow = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  topic: row.topic,
  payload: parsePayload(row),
  dedupeKey: row.dedupe_key,
  attempts: row.attempts,
  nextAttemptAt: toDate(row.next_attempt_at),
  status: oneOf(OUTBOX_STATUSES, row.status, 'outbox.status'),
  lastError: row.last_error,
  createdAt: toDate(row.created_at),
});
