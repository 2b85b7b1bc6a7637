import { EntityManager } from 'typeorm';
import { SellerContact, SellerRecipientDirectory } from '../../../domain/messaging';

/** How a seller is reached: their shop's row, and the address and language of the Telegram user who runs it (one query). */
export class TypeormSellerRecipients implements SellerRecipientDirectory {
  constructor(private readonly manager: EntityManager) {}

  async find(sellerId: number): Promise<SellerContact | null> {
    const rows: Array<{
      telegram_user_id: string | null;
      email: string | null;
      runner_email: string | null;
      preferred_language: string | null;
      language_code: string | null;
    }> = await this.manager.query(
      `SELECT s.telegram_user_id, s.email, u.email AS runner_email, u.preferred_language, u.language_code
       FROM sellers s LEFT JOIN users u ON u.id = s.telegram_user_id WHERE s.id = ?`,
      [sellerId],
    );
    const row = rows[0];
    if (!row) return null;
    return { chatId: row.telegram_user_id, shopEmail: row.email, runnerEmail: row.runner_email, language: row.preferred_language ?? row.language_code };
  }
}
