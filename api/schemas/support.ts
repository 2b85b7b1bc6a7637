import { Type } from '@sinclair/typebox';
import { AUTHOR_ROLES, MAX_MESSAGE_TEXT, MESSAGE_DIRECTIONS, MESSAGE_KINDS, TICKET_STATUSES } from '../../domain/support';
import { DateTime, Nullable, StringEnum } from './common';

export const TicketIdParams = Type.Object({ ticketId: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'a ticket id: a whole number from 1' }) });

export const Ticket = Type.Object({
  id: Type.Integer(),
  userId: Type.String({ description: "The shopper's Telegram id" }),
  orderNo: Nullable(Type.String({ description: 'The order the ticket is about (the shopper’s own)' })),
  sellerId: Nullable(Type.Integer({ description: 'The seller (not the house) whose order it is: they read and answer it too' })),
  status: StringEnum(TICKET_STATUSES, { description: 'open: waiting for staff; waiting_for_shopper: staff asked something; answered; closed' }),
  assignee: Nullable(Type.String({ description: 'The admin looking after it (Telegram id, or `api`)' })),
  waitingSince: Nullable(DateTime('Since when the shopper has waited for staff (status open)')),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  closedAt: Nullable(DateTime()),
});

export const TicketMessage = Type.Object({
  id: Type.Integer(),
  direction: StringEnum(MESSAGE_DIRECTIONS, { description: 'to_staff: from the shopper; to_shopper: from staff' }),
  author: Type.String({ description: 'Who wrote it, by name' }),
  authorRole: StringEnum(AUTHOR_ROLES, { description: 'shopper, staff (the shop’s admins) or seller (the shop of the ticket’s order)' }),
  kind: StringEnum(MESSAGE_KINDS, { description: 'event: the ticket was opened, closed, reopened or assigned (its name is the text)' }),
  text: Type.String({ description: 'The text, a caption, or the event' }),
  attachment: Nullable(Type.Object({ fileId: Type.String({ description: 'Telegram file_id' }), fileName: Nullable(Type.String()) })),
  createdAt: DateTime(),
  relayed: Type.Boolean({ description: 'It reached the other side (false while Telegram is unreachable; it goes out once it is back)' }),
});

export const TicketWithHistory = Type.Object({ ticket: Ticket, messages: Type.Array(TicketMessage) });

export const TicketList = Type.Object({ items: Type.Array(Ticket) });

const Text = Type.String({ minLength: 1, maxLength: MAX_MESSAGE_TEXT, description: 'A text message (Telegram’s limit: 4096 characters)' });

export const OpenTicketBody = Type.Object(
  {
    orderNo: Type.Optional(Type.String({ pattern: '^T[0-9]{24}$', description: 'One of your orders the ticket is about' })),
    text: Type.Optional(Text),
  },
  { additionalProperties: false },
);

export const TicketMessageBody = Type.Object({ text: Text }, { additionalProperties: false });

export const StaffReplyBody = Type.Object(
  {
    text: Text,
    awaitShopper: Type.Optional(Type.Boolean({ description: 'The reply asks the shopper something: status waiting_for_shopper instead of answered' })),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  { assignee: Nullable(Type.String({ pattern: '^[0-9]{1,20}$', description: "An admin's Telegram id; null: nobody" })) },
  { additionalProperties: false },
);

export const TicketListQuery = Type.Object({
  status: Type.Optional(StringEnum(TICKET_STATUSES)),
  before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'Only tickets with a smaller id (the next page)' })),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: '1-100, default 20' })),
});
