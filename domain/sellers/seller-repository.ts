import { Seller, SellerDraft, SellerProfile, SellerStatus, SellerTerms } from './seller';

export interface SellerListQuery {
  statuses?: readonly SellerStatus[];
  offset: number;
  limit: number;
}

export interface SellerRepository {
  findById(id: number): Promise<Seller | null>;
  findManyByIds(ids: readonly number[]): Promise<Seller[]>;
  /** The one shop a Telegram user has (applied for, runs, or was refused); null when none. */
  findByTelegramUser(telegramUserId: string): Promise<Seller | null>;
  /** 'TELEGRAM_USER_TAKEN' when that user has a shop already (the unique key decides). Opens its balance too. */
  insert(draft: SellerDraft, now: Date): Promise<Seller | 'TELEGRAM_USER_TAKEN'>;
  /** Conditional: `status = to WHERE id = ? AND status IN (from)`; the affected-row count decides. */
  changeStatus(id: number, from: readonly SellerStatus[], to: SellerStatus, now: Date): Promise<boolean>;
  /** A refused applicant who applies again: new details, back to pending, only while refused. */
  reapply(id: number, profile: Required<Omit<SellerProfile, 'email'>>, now: Date): Promise<boolean>;
  setTerms(id: number, terms: SellerTerms, now: Date): Promise<boolean>;
  setProfile(id: number, profile: SellerProfile, now: Date): Promise<boolean>;
  list(query: SellerListQuery): Promise<{ items: Seller[]; total: number }>;
}
