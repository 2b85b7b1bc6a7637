import { EntityManager, MoreThan } from 'typeorm';
import { ShopperProfile, UserRepository } from '../../../domain/account';
import { MailContact, RecipientDirectory } from '../../../domain/messaging';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { UserEntity } from './user-entity';
import { profileFromRow, userRowFromProfile } from './user-mapping';

/** users.preferred_language is VARCHAR(8): SQLite would keep a longer value that MySQL refuses, so both refuse it here. */
const MAX_LANGUAGE_CHARS = 8;

export class TypeormUserRepository implements UserRepository, RecipientDirectory {
  constructor(private readonly manager: EntityManager) {}

  async upsert(profile: ShopperProfile, now: Date): Promise<void> {
    // preferred_language is not in the update list: refreshing the Telegram profile keeps the shopper's /lang choice.
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(userRowFromProfile(profile, now))
      // Only the bot's own chat opens it; a profile from the API never closes a chat the bot has.
      .orUpdate(['first_name', 'last_name', 'username', 'language_code', 'updated_at', ...(profile.chatOpen ? ['chat_state'] : [])], ['id'])
      .updateEntity(false)
      .execute();
  }

  async chatReachable(id: string): Promise<boolean> {
    const row = await this.manager.findOne(UserEntity, { select: { id: true, chat_state: true }, where: { id } });
    return row?.chat_state !== 'none';
  }

  async markChatUnreachable(id: string): Promise<void> {
    await this.manager.createQueryBuilder().update(UserEntity).set({ chat_state: 'none' }).where('id = :id', { id }).execute();
  }

  async find(id: string): Promise<ShopperProfile | null> {
    const row = await this.manager.findOneBy(UserEntity, { id });
    return row ? profileFromRow(row) : null;
  }

  async lockForOrdering(id: string, now: Date, unlessCheckoutLocked = false): Promise<boolean> {
    const update = this.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ updated_at: toMs(now) })
      .where('id = :id', { id });
    // The lockout is a condition of the row lock's own UPDATE: checking it costs the placement no statement.
    if (unlessCheckoutLocked) update.andWhere('(checkout_locked_until IS NULL OR checkout_locked_until <= :now)', { now: toMs(now) });
    const result = await update.execute();
    return affectedRows(result) === 1;
  }

  async setPreferredLanguage(id: string, language: string | null): Promise<boolean> {
    if (language !== null && (language.length === 0 || Array.from(language).length > MAX_LANGUAGE_CHARS)) {
      throw new RangeError(`a preferred language must be 1 to ${MAX_LANGUAGE_CHARS} characters (got "${language}")`);
    }
    const result = await this.manager.createQueryBuilder().update(UserEntity).set({ preferred_language: language }).where('id = :id', { id }).execute();
    return affectedRows(result) === 1;
  }

  async preferredLanguage(id: string): Promise<string | null> {
    const row = await this.manager.findOne(UserEntity, { select: { id: true, preferred_language: true }, where: { id } });
    return row?.preferred_language ?? null;
  }

  async setEmail(id: string, email: string | null): Promise<boolean> {
    const result = await this.manager.createQueryBuilder().update(UserEntity).set({ email }).where('id = :id', { id }).execute();
    return affectedRows(result) === 1;
  }

  async email(id: string): Promise<string | null> {
    const row = await this.manager.findOne(UserEntity, { select: { id: true, email: true }, where: { id } });
    return row?.email ?? null;
  }

  async contactOf(id: string): Promise<MailContact | null> {
    const row = await this.manager.findOne(UserEntity, { select: { id: true, email: true, preferred_language: true, language_code: true }, where: { id } });
    return row ? { email: row.email, language: row.preferred_language ?? row.language_code } : null;
  }

  /** users.id is utf8mb4_bin on MySQL and BINARY-collated TEXT on SQLite: both order by bytes, so the cursor agrees. */
  async listIds(after: string | null, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`listIds needs a positive integer limit (got ${limit})`);
    const rows = await this.manager.find(UserEntity, {
      select: { id: true },
      where: after === null ? {} : { id: MoreThan(after) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  count(): Promise<number> {
    return this.manager.count(UserEntity);
  }
}
