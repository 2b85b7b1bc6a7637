import { EntityManager, In } from 'typeorm';
import { Seller, SellerDraft, SellerListQuery, SellerProfile, SellerRepository, SellerStatus, SellerTerms } from '../../../domain/sellers';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { SellerBalanceEntity, SellerEntity, SellerRow } from './seller-entities';
import { sellerFromRow } from './seller-mapping';

export class TypeormSellerRepository implements SellerRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(id: number): Promise<Seller | null> {
    const row = await this.manager.findOneBy(SellerEntity, { id });
    return row ? sellerFromRow(row) : null;
  }

  async findManyByIds(ids: readonly number[]): Promise<Seller[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(SellerEntity, { where: { id: In([...new Set(ids)]) } });
    return rows.map(sellerFromRow);
  }

  async findByTelegramUser(telegramUserId: string): Promise<Seller | null> {
    const row = await this.manager.findOneBy(SellerEntity, { telegram_user_id: telegramUserId });
    return row ? sellerFromRow(row) : null;
  }

  /** Two statements: the seller (its unique Telegram user decides a second application) and its zero balance. */
  async insert(draft: SellerDraft, now: Date): Promise<Seller | 'TELEGRAM_USER_TAKEN'> {
    const nowMs = toMs(now);
    const row: Omit<SellerRow, 'id'> = {
      telegram_user_id: draft.telegramUserId,
      shop_name: draft.shopName,
      contact: draft.contact,
      description: draft.description,
      email: draft.email,
      status: draft.status,
      commission_bps: draft.commissionBps,
      confirm_window_minutes: draft.confirmWindowMinutes,
      auto_confirm: draft.autoConfirm,
      created_at: nowMs,
      updated_at: nowMs,
    };
    let id: number;
    try {
      const result = await this.manager.createQueryBuilder().insert().into(SellerEntity).values(row).execute();
      id = Number(result.identifiers[0]?.id ?? (result.raw as { insertId?: number }).insertId);
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.sellerTelegramUser)) return 'TELEGRAM_USER_TAKEN';
      throw error;
    }
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`no id came back for seller ${draft.shopName}`);
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(SellerBalanceEntity)
      .values({ seller_id: id, balance_minor: 0, updated_at: nowMs })
      .updateEntity(false)
      .execute();
    return sellerFromRow({ ...row, id });
  }

  async changeStatus(id: number, from: readonly SellerStatus[], to: SellerStatus, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SellerEntity)
      .set({ status: to, updated_at: toMs(now) })
      .where({ id, status: In([...from]) })
      .execute();
    return affectedRows(result) === 1;
  }

  async reapply(id: number, profile: Required<Omit<SellerProfile, 'email'>>, now: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SellerEntity)
      .set({ shop_name: profile.shopName, contact: profile.contact, description: profile.description, status: 'pending', updated_at: toMs(now) })
      .where({ id, status: 'rejected' })
      .execute();
    return affectedRows(result) === 1;
  }

  async setTerms(id: number, terms: SellerTerms, now: Date): Promise<boolean> {
    const columns: Partial<SellerRow> = { updated_at: toMs(now) };
    if (terms.commissionBps !== undefined) columns.commission_bps = terms.commissionBps;
    if (terms.confirmWindowMinutes !== undefined) columns.confirm_window_minutes = terms.confirmWindowMinutes;
    if (terms.autoConfirm !== undefined) columns.auto_confirm = terms.autoConfirm;
    const result = await this.manager.createQueryBuilder().update(SellerEntity).set(columns).where({ id }).execute();
    return affectedRows(result) === 1;
  }

  async setProfile(id: number, profile: SellerProfile, now: Date): Promise<boolean> {
    const columns: Partial<SellerRow> = { updated_at: toMs(now) };
    if (profile.shopName !== undefined) columns.shop_name = profile.shopName;
    if (profile.contact !== undefined) columns.contact = profile.contact;
    if (profile.description !== undefined) columns.description = profile.description;
    if (profile.email !== undefined) columns.email = profile.email;
    const result = await this.manager.createQueryBuilder().update(SellerEntity).set(columns).where({ id }).execute();
    return affectedRows(result) === 1;
  }

  async list(query: SellerListQuery): Promise<{ items: Seller[]; total: number }> {
    const where = query.statuses && query.statuses.length > 0 ? { status: In([...query.statuses]) } : {};
    const [rows, total] = await this.manager.findAndCount(SellerEntity, { where, order: { id: 'ASC' }, skip: query.offset, take: query.limit });
    return { items: rows.map(sellerFromRow), total };
  }
}
