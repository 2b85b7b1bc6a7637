import { EntityManager, LessThan } from 'typeorm';
import { NewSellerLedgerEntry, PostOutcome, SellerBalance, SellerBooks, SellerLedgerEntry, SellerMoneyRepository } from '../../../domain/sellers';
import { minor } from '../../../domain/shared/money';
import { affectedRows } from '../affected-rows';
import { toMs } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { SellerBalanceEntity, SellerLedgerEntity, SellerLedgerRow } from './seller-entities';
import { ledgerEntryFromRow } from './seller-mapping';

export class TypeormSellerMoneyRepository implements SellerMoneyRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Two statements: the ledger line (its unique keys make it once: a duplicate fails this statement only, and on
   * MySQL the loser waits for the winner's commit before it sees the duplicate, so concurrent credits of one order
   * credit once), then the balance — the hot row, locked last, held only until the caller's COMMIT.
   */
  async post(entry: NewSellerLedgerEntry, opts: { covered?: boolean } = {}): Promise<PostOutcome> {
    if (!Number.isSafeInteger(entry.amount) || !Number.isSafeInteger(entry.commission)) throw new RangeError('seller ledger amounts must be integers');
    const row: Omit<SellerLedgerRow, 'id'> = {
      seller_id: entry.sellerId,
      kind: entry.kind,
      amount_minor: entry.amount,
      commission_minor: entry.commission,
      order_no: entry.orderNo,
      payout_id: entry.payoutId,
      reference: entry.reference,
      created_at: toMs(entry.createdAt),
    };
    let id: number;
    try {
      const inserted = await this.manager.createQueryBuilder().insert().into(SellerLedgerEntity).values(row).execute();
      id = Number(inserted.identifiers[0]?.id ?? (inserted.raw as { insertId?: number }).insertId);
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.sellerLedgerOnce) || isDuplicateOf(error, UNIQUE_KEYS.sellerLedgerPayout)) return { status: 'DUPLICATE' };
      throw error;
    }
    const guard = opts.covered ? ' AND balance_minor + :amount >= 0' : '';
    const applied = await this.manager
      .createQueryBuilder()
      .update(SellerBalanceEntity)
      .set({ balance_minor: () => 'balance_minor + :amount', updated_at: row.created_at })
      .where(`seller_id = :sellerId${guard}`, { sellerId: entry.sellerId, amount: entry.amount })
      .execute();
    if (affectedRows(applied) === 0) {
      const balance = await this.balance(entry.sellerId);
      if (!balance) throw new Error(`seller ${entry.sellerId} has no balance row`);
      return { status: 'NOT_COVERED', balance: balance.balance };
    }
    return { status: 'POSTED', entry: ledgerEntryFromRow({ ...row, id }) };
  }

  async balance(sellerId: number): Promise<SellerBalance | null> {
    const row = await this.manager.findOneBy(SellerBalanceEntity, { seller_id: sellerId });
    return row ? { sellerId: row.seller_id, balance: minor(row.balance_minor) } : null;
  }

  async saleOf(sellerId: number, orderNo: string): Promise<SellerLedgerEntry | null> {
    const row = await this.manager.findOneBy(SellerLedgerEntity, { seller_id: sellerId, kind: 'sale', order_no: orderNo });
    return row ? ledgerEntryFromRow(row) : null;
  }

  async ledger(sellerId: number, opts: { beforeId?: number; limit: number }): Promise<SellerLedgerEntry[]> {
    const where = opts.beforeId === undefined ? { seller_id: sellerId } : { seller_id: sellerId, id: LessThan(opts.beforeId) };
    const rows = await this.manager.find(SellerLedgerEntity, { where, order: { id: 'DESC' }, take: Math.max(1, opts.limit) });
    return rows.map(ledgerEntryFromRow);
  }

  /** Three aggregate reads; the payouts one walks every payout with its lines (a payout has one or two). */
  async books(limit: number): Promise<SellerBooks> {
    const mismatches: Array<{ seller_id: number | string; balance_minor: number | string; ledger: number | string }> = await this.manager.query(
      `SELECT b.seller_id, b.balance_minor, COALESCE(SUM(l.amount_minor), 0) AS ledger
         FROM seller_balances b LEFT JOIN seller_ledger l ON l.seller_id = b.seller_id
        GROUP BY b.seller_id, b.balance_minor
       HAVING b.balance_minor <> COALESCE(SUM(l.amount_minor), 0)
        LIMIT ?`,
      [limit],
    );
    const kinds: Array<{ kind: string; amount: number | string; commission: number | string }> = await this.manager.query(
      'SELECT kind, COALESCE(SUM(amount_minor), 0) AS amount, COALESCE(SUM(commission_minor), 0) AS commission FROM seller_ledger GROUP BY kind',
    );
    const [balances]: Array<{ total: number | string | null }> = await this.manager.query(
      'SELECT COALESCE(SUM(balance_minor), 0) AS total FROM seller_balances',
    );
    const payouts: Array<{ id: string; status: string; amount_minor: number | string; taken: number | string | null; given: number | string | null }> =
      await this.manager.query(
        `SELECT p.id, p.status, p.amount_minor,
                SUM(CASE WHEN l.kind = 'payout' THEN l.amount_minor END) AS taken,
                SUM(CASE WHEN l.kind = 'adjustment' THEN l.amount_minor END) AS given
           FROM seller_payouts p LEFT JOIN seller_ledger l ON l.payout_id = p.id AND l.seller_id = p.seller_id
          GROUP BY p.id, p.status, p.amount_minor`,
      );
    const byKind = (kind: string) => kinds.find((k) => k.kind === kind);
    const sum = (kind: string, field: 'amount' | 'commission') => Number(byKind(kind)?.[field] ?? 0);
    const payoutMismatches = payouts
      .filter((p) => {
        const amount = Number(p.amount_minor);
        if (Number(p.taken ?? 0) !== -amount) return true;
        return Number(p.given ?? 0) !== (p.status === 'cancelled' ? amount : 0);
      })
      .map((p) => p.id);
    const settled = (status: string) => payouts.filter((p) => p.status === status).reduce((total, p) => total + Number(p.amount_minor), 0);
    return {
      mismatches: mismatches.map((m) => ({ sellerId: Number(m.seller_id), balance: minor(Number(m.balance_minor)), ledger: minor(Number(m.ledger)) })),
      payoutMismatches,
      totals: {
        balances: minor(Number(balances?.total ?? 0)),
        commissions: minor(sum('sale', 'commission') + sum('refund_clawback', 'commission')),
        sales: minor(sum('sale', 'amount')),
        clawbacks: minor(sum('refund_clawback', 'amount')),
        payoutsRequested: minor(settled('requested')),
        payoutsPaid: minor(settled('paid')),
      },
    };
  }

  async debts(limit: number): Promise<SellerBalance[]> {
    const rows = await this.manager.find(SellerBalanceEntity, {
      where: { balance_minor: LessThan(0) },
      order: { balance_minor: 'ASC' },
      take: Math.max(1, limit),
    });
    return rows.map((row) => ({ sellerId: row.seller_id, balance: minor(row.balance_minor) }));
  }
}
