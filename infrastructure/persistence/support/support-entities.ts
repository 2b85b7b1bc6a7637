import { EntitySchema } from 'typeorm';
import { bigintColumn, booleanColumn, idColumn, stringColumn, textColumn } from '../columns';

export interface SupportTicketRow {
  id: number;
  user_id: string;
  order_no: string | null;
  /** The seller (not the house) whose order the ticket is about; NULL: the house's own. */
  seller_id?: number | null;
  status: string;
  assignee: string | null;
  thread_id: number | null;
  /** The shopper's id while the ticket is not closed, NULL after: its unique key allows one active ticket each. */
  active_user: string | null;
  waiting_since: number | null;
  reminded: boolean;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

export const SupportTicketEntity = new EntitySchema<SupportTicketRow>({
  name: 'SupportTicket',
  tableName: 'support_tickets',
  columns: {
    id: idColumn(),
    user_id: stringColumn(32),
    order_no: stringColumn(32, true),
    seller_id: bigintColumn(true),
    status: stringColumn(24),
    assignee: stringColumn(32, true),
    thread_id: bigintColumn(true),
    active_user: stringColumn(32, true),
    waiting_since: bigintColumn(true),
    reminded: booleanColumn(),
    created_at: bigintColumn(),
    updated_at: bigintColumn(),
    closed_at: bigintColumn(true),
  },
});

export interface SupportMessageRow {
  id: number;
  ticket_id: number;
  direction: string;
  author_id: string;
  author_name: string;
  /** 'shopper' | 'staff' | 'seller'; NULL (rows from before sellers answered): told by the direction. */
  author_role?: string | null;
  kind: string;
  text: string;
  file_id: string | null;
  file_name: string | null;
  created_at: number;
  relayed_at: number | null;
}

export const SupportMessageEntity = new EntitySchema<SupportMessageRow>({
  name: 'SupportMessage',
  tableName: 'support_messages',
  columns: {
    id: idColumn(),
    ticket_id: bigintColumn(),
    direction: stringColumn(12),
    author_id: stringColumn(32),
    author_name: stringColumn(64),
    author_role: stringColumn(12, true),
    kind: stringColumn(12),
    text: textColumn(),
    file_id: stringColumn(255, true),
    file_name: stringColumn(255, true),
    created_at: bigintColumn(),
    relayed_at: bigintColumn(true),
  },
});
