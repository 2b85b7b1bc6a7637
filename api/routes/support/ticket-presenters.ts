import { Static } from '@sinclair/typebox';
import { Ticket, TicketMessage, TicketWithHistory } from '../../../domain/support';
import { Ticket as TicketSchema, TicketMessage as TicketMessageSchema } from '../../schemas/support';

export const presentTicket = (t: Ticket): Static<typeof TicketSchema> => ({
  id: t.id,
  userId: t.userId,
  orderNo: t.orderNo,
  sellerId: t.sellerId,
  status: t.status,
  assignee: t.assignee,
  waitingSince: t.waitingSince?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  closedAt: t.closedAt?.toISOString() ?? null,
});

export const presentMessage = (m: TicketMessage): Static<typeof TicketMessageSchema> => ({
  id: m.id,
  direction: m.direction,
  author: m.authorName,
  authorRole: m.authorRole,
  kind: m.kind,
  text: m.text,
  attachment: m.attachment ? { fileId: m.attachment.fileId, fileName: m.attachment.fileName } : null,
  createdAt: m.createdAt.toISOString(),
  relayed: m.relayedAt !== null,
});

export const presentHistory = (h: TicketWithHistory) => ({ ticket: presentTicket(h.ticket), messages: h.messages.map(presentMessage) });

export const listQuery = (query: { status?: string; before?: string; limit?: string }) => ({
  ...(query.status !== undefined ? { status: query.status } : {}),
  ...(query.before !== undefined ? { beforeId: Number(query.before) } : {}),
  ...(query.limit !== undefined ? { limit: Number(query.limit) } : {}),
});
