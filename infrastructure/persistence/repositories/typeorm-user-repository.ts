import { EntityManager } from 'typeorm';
import { ShopperProfile, UserRepository } from '../../../domain/account/shopper';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { UserEntity } from '../entities/user-entity';
import { profileFromRow, userRowFromProfile } from '../mapping/user-mapping';

export class TypeormUserRepository implements UserRepository {
  constructor(private readonly manager: EntityManager) {}

  async upsert(profile: ShopperProfile, now: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(userRowFromProfile(profile, now))
      .orUpdate(['first_name', 'last_name', 'username', 'language_code', 'updated_at'], ['id'])
      .updateEntity(false)
      .execute();
  }

  async find(id: string): Promise<ShopperProfile | null> {
    const row = await this.manager.findOneBy(UserEntity, { id });
    return row ? profileFromRow(row) : null;
  }

  async lockForOrdering(id: string, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ updated_at: toMs(now) })
      .where('id = :id', { id })
      .execute();
    return affectedRows(result) === 1;
  }
}
