import { EntitySchema } from 'typeorm';
import { bigintColumn, stringColumn } from '../columns';

export interface UserRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  language_code: string | null;
  /** Chosen with /lang; NULL = follow language_code. Never touched by the profile upsert. */
  preferred_language: string | null;
  /** 'open': the bot has seen their private chat; 'none': it cannot write to them; NULL: not known (older rows). */
  chat_state: 'open' | 'none' | null;
  /** Where notices are mailed; NULL = no mail. Never touched by the profile upsert. */
  email: string | null;
  /** Locked out of checkout until then (epoch ms); NULL or past = not locked. Never touched by the profile upsert. */
  checkout_locked_until?: number | null;
  /** Failed checkouts at or before this no longer count towards a lock (a lock or an admin's lift used them up). */
  checkout_failures_counted_after?: number | null;
  created_at: number;
  updated_at: number;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: stringColumn(32, false, true),
    first_name: stringColumn(255, true),
    last_name: stringColumn(255, true),
    username: stringColumn(64, true),
    language_code: stringColumn(16, true),
    preferred_language: stringColumn(8, true),
    chat_state: stringColumn(8, true),
    email: stringColumn(254, true),
    checkout_locked_until: bigintColumn(true),
    checkout_failures_counted_after: bigintColumn(true),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
