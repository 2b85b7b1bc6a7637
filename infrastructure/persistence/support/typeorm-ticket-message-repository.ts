import { EntityManager } from 'typeorm';
import { AUTHOR_ROLES, MESSAGE_DIRECTIONS, MESSAGE_KINDS, NewTicketMessage, TicketMessage, TicketMessageRepository } from '../../../domain/support';
import { affectedRows } from '../affected-rows';
import { clip, oneOf, toDate, toDateOrNull, toMs } from '../columns';
import { SupportMessageEntity, SupportMessageRow } from './support-entities';

const messageFromRow = (row: SupportMessageRow): TicketMessage => {
  const direction = oneOf(MESSAGE_DIRECTIONS, row.direction, 'support_messages.direction');
  return {
    id: Number(row.id),
    ticketId: Number(row.ticket_id),
    direction,
    authorId: row.author_id,
    authorName: row.author_name,
    authorRole:
      row.author_role === null || row.author_role === undefined
        ? direction === 'to_staff'
          ? 'shopper'
          : 'staff'
        : oneOf(AUTHOR_ROLES, row.author_role, 'support_messages.author_role'),
    kind: oneOf(MESSAGE_KINDS, row.kind, 'support_messages.kind'),
    text: row.text,
    attachment: row.file_id === null ? null : { fileId: row.file_id, fileName: row.file_name },
    createdAt: toDate(Number(row.created_at)),
    relayedAt: toDateOrNull(row.relayed_at === null ? null : Number(row.relayed_at)),
  };
};

export class TypeormTicketMessageRepository implements TicketMessageRepository {
  constructor(private readonly manager: EntityManager) {}

  async add(message: NewTicketMessage): Promise<TicketMessage> {
    const row: Omit<SupportMessageRow, 'id'> = {
      ticket_id: message.ticketId,
      direction: message.direction,
      author_id: message.authorId,
      author_name: clip(message.authorName, 64),
      author_role: message.authorRole ?? (message.direction === 'to_staff' ? 'shopper' : 'staff'),
      kind: message.kind,
      text: message.text,
      file_id: message.attachment?.fileId ?? null,
      file_name: message.attachment?.fileName ? clip(message.attachment.fileName, 255) : null,
      created_at: toMs(message.now),
      relayed_at: null,
    };
    const result = await this.manager.createQueryBuilder().insert().into(SupportMessageEntity).values(row).updateEntity(false).execute();
    const raw = result.raw as { insertId?: number | string } | number | undefined;
    const id = Number(result.identifiers[0]?.id ?? (typeof raw === 'object' ? raw.insertId : raw));
    return messageFromRow({ ...row, id });
  }

  async findById(id: number): Promise<TicketMessage | null> {
    const row = await this.manager.findOneBy(SupportMessageEntity, { id });
    return row ? messageFromRow(row) : null;
  }

  async history(ticketId: number, limit: number): Promise<TicketMessage[]> {
    const rows = await this.manager.find(SupportMessageEntity, { where: { ticket_id: ticketId }, order: { id: 'DESC' }, take: limit });
    return rows.reverse().map(messageFromRow);
  }

  async pendingRelay(ticketId: number, upToId: number): Promise<TicketMessage[]> {
    const rows = await this.manager
      .createQueryBuilder(SupportMessageEntity, 'm')
      .where('m.ticket_id = :ticketId AND m.relayed_at IS NULL AND m.id <= :upToId', { ticketId, upToId })
      .orderBy('m.id', 'ASC')
      .getMany();
    return rows.map(messageFromRow);
  }

  async markRelayed(id: number, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(SupportMessageEntity)
      .set({ relayed_at: toMs(at) })
      .where('id = :id AND relayed_at IS NULL', { id })
      .execute();
    return affectedRows(result) === 1;
  }
}
