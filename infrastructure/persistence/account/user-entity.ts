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
  /** Where notices go by mail too (set by the shopper); NULL = chat only. */
  email: string | null;
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
    email: stringColumn(191, true),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
  },
});
