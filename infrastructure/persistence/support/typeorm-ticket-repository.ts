import { EntityManager } from 'typeorm';
import { ACTIVE_STATUSES, NewTicket, TICKET_STATUSES, Ticket, TicketChange, TicketQuery, TicketRepository, TicketStatus } from '../../../domain/support';
import { affectedRows } from '../affected-rows';
import { oneOf, toDate, toDateOrNull, toMs, toMsOrNull } from '../columns';
import { isDuplicateOf } from '../store-errors';
import { UNIQUE_KEYS } from '../unique-keys';
import { SupportTicketEntity, SupportTicketRow } from './support-entities';

export const ticketFromRow = (row: SupportTicketRow): Ticket => ({
  id: Number(row.id),
  userId: row.user_id,
  orderNo: row.order_no,
  sellerId: row.seller_id === null || row.seller_id === undefined ? null : Number(row.seller_id),
  status: oneOf(TICKET_STATUSES, row.status, 'support_tickets.status'),
  assignee: row.assignee,
  threadId: row.thread_id === null ? null : Number(row.thread_id),
  waitingSince: toDateOrNull(row.waiting_since === null ? null : Number(row.waiting_since)),
  reminded: Boolean(row.reminded),
  createdAt: toDate(Number(row.created_at)),
  updatedAt: toDate(Number(row.updated_at)),
  closedAt: toDateOrNull(row.closed_at === null ? null : Number(row.closed_at)),
});

export class TypeormTicketRepository implements TicketRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(ticket: NewTicket): Promise<Ticket | 'ALREADY_OPEN'> {
    const ms = toMs(ticket.now);
    const row: Omit<SupportTicketRow, 'id'> = {
      user_id: ticket.userId,
      order_no: ticket.orderNo,
      seller_id: ticket.sellerId,
      status: 'open',
      assignee: null,
      thread_id: null,
      active_user: ticket.userId,
      waiting_since: ms,
      reminded: false,
      created_at: ms,
      updated_at: ms,
      closed_at: null,
    };
    try {
      const result = await this.manager.createQueryBuilder().insert().into(SupportTicketEntity).values(row).updateEntity(false).execute();
      const raw = result.raw as { insertId?: number | string } | number | undefined;
      const id = Number(result.identifiers[0]?.id ?? (typeof raw === 'object' ? raw.insertId : raw));
      return ticketFromRow({ ...row, id });
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.supportActiveTicket)) return 'ALREADY_OPEN';
      throw error;
    }
  }

  async findById(id: number): Promise<Ticket | null> {
    const row = await this.manager.findOneBy(SupportTicketEntity, { id });
    return row ? ticketFromRow(row) : null;
  }

  async findActive(userId: string): Promise<Ticket | null> {
    const row = await this.manager.findOneBy(SupportTicketEntity, { active_user: userId });
    return row ? ticketFromRow(row) : null;
  }

  async findByThread(threadId: number): Promise<Ticket | null> {
    const row = await this.manager.findOneBy(SupportTicketEntity, { thread_id: threadId });
    return row ? ticketFromRow(row) : null;
  }

  async list(query: TicketQuery): Promise<Ticket[]> {
    const qb = this.manager.createQueryBuilder(SupportTicketEntity, 't').orderBy('t.id', 'DESC').limit(query.limit);
    if (query.userId !== undefined) qb.andWhere('t.user_id = :userId', { userId: query.userId });
    if (query.sellerId !== undefined) qb.andWhere('t.seller_id = :sellerId', { sellerId: query.sellerId });
    if (query.status !== undefined) qb.andWhere('t.status = :status', { status: query.status });
    if (query.beforeId !== undefined) qb.andWhere('t.id < :beforeId', { beforeId: query.beforeId });
    return (await qb.getMany()).map(ticketFromRow);
  }

  async change(id: number, from: readonly TicketStatus[], change: TicketChange): Promise<boolean | 'ALREADY_OPEN'> {
    const set: Partial<SupportTicketRow> = { updated_at: toMs(change.now) };
    if (change.status !== undefined) set.status = change.status;
    if (change.assignee !== undefined) set.assignee = change.assignee;
    if (change.waitingSince !== undefined) set.waiting_since = toMsOrNull(change.waitingSince);
    if (change.reminded !== undefined) set.reminded = change.reminded;
    if (change.closedAt !== undefined) set.closed_at = toMsOrNull(change.closedAt);
    // The active key follows the status: the shopper's id while not closed, NULL once closed.
    const activeUser = change.status === undefined ? {} : { active_user: ACTIVE_STATUSES.includes(change.status) ? () => 'user_id' : null };
    const qb = this.manager
      .createQueryBuilder()
      .update(SupportTicketEntity)
      .set({ ...set, ...activeUser })
      .where('id = :id AND status IN (:...from)', { id, from: [...from] });
    try {
      return affectedRows(await qb.execute()) === 1;
    } catch (error) {
      if (isDuplicateOf(error, UNIQUE_KEYS.supportActiveTicket)) return 'ALREADY_OPEN';
      throw error;
    }
  }

  async setThread(id: number, threadId: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SupportTicketEntity)
      .set({ thread_id: threadId })
      .where('id = :id AND thread_id IS NULL', { id })
      .execute();
    return affectedRows(result) === 1;
  }

  async dropThread(id: number, threadId: number): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SupportTicketEntity)
      .set({ thread_id: null })
      .where('id = :id AND thread_id = :threadId', { id, threadId })
      .execute();
    return affectedRows(result) === 1;
  }

  async findUnansweredSince(cutoff: Date, limit: number): Promise<Ticket[]> {
    const rows = await this.manager
      .createQueryBuilder(SupportTicketEntity, 't')
      .where("t.status = 'open' AND t.reminded = :no AND t.waiting_since <= :cutoff", { no: false, cutoff: toMs(cutoff) })
      .orderBy('t.waiting_since', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(ticketFromRow);
  }

  async markReminded(id: number, waitingSince: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SupportTicketEntity)
      .set({ reminded: true })
      .where("id = :id AND status = 'open' AND reminded = :no AND waiting_since = :since", { id, no: false, since: toMs(waitingSince) })
      .execute();
    return affectedRows(result) === 1;
  }
}
