import { ShopperProfile } from '../../../domain/account';
import { toMs } from '../columns';
import { UserRow } from './user-entity';

export const profileFromRow = (row: UserRow): ShopperProfile => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  username: row.username,
  languageCode: row.language_code,
});

export const userRowFromProfile = (profile: ShopperProfile, now: Date): UserRow => ({
  id: profile.id,
  first_name: profile.firstName,
  last_name: profile.lastName,
  username: profile.username,
  language_code: profile.languageCode,
  preferred_language: null,
  email: null,
  chat_state: profile.chatOpen ? 'open' : 'none',
  created_at: toMs(now),
  updated_at: toMs(now),
});
