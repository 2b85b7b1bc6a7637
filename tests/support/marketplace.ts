// Sellers and their goods for the marketplace tests: a seller row as the sellers context keeps it, and a product
// moved to that seller (a product's seller is fixed at creation in the product; here the test sets it up directly).
import { Persistence } from '../../infrastructure/persistence';

export interface TestSeller {
  id: number;
  telegramUserId: string;
}

export async function addSeller(
  persistence: Persistence,
  opts: { telegramUserId: string; shopName?: string; autoConfirm?: boolean; confirmWindowMinutes?: number | null; commissionBps?: number | null },
): Promise<TestSeller> {
  // Plain SQL, as the sellers migration writes the house: the same row on both engines, whatever the id comes back as.
  const db = persistence.dataSource;
  await db.query(
    `INSERT INTO sellers (telegram_user_id, shop_name, contact, description, status, commission_bps, confirm_window_minutes, auto_confirm, created_at, updated_at)
     VALUES (?, ?, ?, 'test shop', 'active', ?, ?, ?, 0, 0)`,
    [
      opts.telegramUserId,
      opts.shopName ?? `Shop ${opts.telegramUserId}`,
      `@shop${opts.telegramUserId}`,
      opts.commissionBps ?? null,
      opts.confirmWindowMinutes ?? null,
      opts.autoConfirm ? 1 : 0,
    ],
  );
  const [row] = (await db.query('SELECT id FROM sellers WHERE telegram_user_id = ?', [opts.telegramUserId])) as Array<{ id: unknown }>;
  const id = Number(row?.id);
  await db.query('INSERT INTO seller_balances (seller_id, balance_minor, updated_at) VALUES (?, 0, 0)', [id]);
  return { id, telegramUserId: opts.telegramUserId };
}

/** Hands a freshly created product to a seller (before anything reads it: the product cache never saw it). */
export async function giveProductTo(persistence: Persistence, productId: number, sellerId: number): Promise<void> {
  await persistence.dataSource.query('UPDATE products SET seller_id = ? WHERE id = ?', [sellerId, productId]);
}
