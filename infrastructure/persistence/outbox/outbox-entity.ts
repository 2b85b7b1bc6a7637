import { EntitySchema } from 'typeorm';
import { bigintColumn, idColumn, intColumn, stringColumn, textColumn } from '../columns';

export interface OutboxRow {
  id: number;
  topic: string;
  payload: string;
  dedupe_key: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'OutboxMessage',
  tableName: 'outbox',
  columns: {
    id: idColumn(),
    topic: stringColumn(64),
    payload: textColumn(),
    dedupe_key: stringColumn(191),
    status: stringColumn(8),
    attempts: intColumn(),
    next_attempt_at: bigintColumn(),
    locked_by: stringColumn(64, true),
    locked_until: bigintColumn(true),
    last_error: textColumn(true),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
