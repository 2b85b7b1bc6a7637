import type { StoredMessage, TgMessage, TgMessageEntity, UserDriver } from '../local-bot-api';
import type { QrLinks } from './qr-links';

export const FILES_PATH = '/chat/api/files';

export interface ButtonView {
  text: string;
  /** A callback button: pressing it sends a callback query with this data. */
  data?: string;
  /** A link button. */
  url?: string;
  /** An invoice's Pay button: pressing it pays the invoice (pre-checkout, then the payment). */
  pay?: true;
}

export interface MessageView {
  id: number;
  from: 'bot' | 'person';
  /** Unix seconds, as Telegram dates messages. */
  date: number;
  edited: boolean;
  /** How many times it was edited: the page keeps the newest of two views of one message. */
  version: number;
  text?: string;
  entities?: TgMessageEntity[];
  photo?: { url: string; width: number; height: number; qrLink: string | null };
  document?: { url: string; name: string; size: number; mimeType?: string };
  replyTo?: { id: number; text: string };
  buttons?: ButtonView[][];
  /** A Telegram Stars invoice, and where its payment stands. */
  invoice?: { title: string; description: string; amount: number; currency: string; state: 'open' | 'paid' | 'refunded' };
  /** A service message: the person paid, or was refunded, so many stars. */
  payment?: { kind: 'paid' | 'refunded'; amount: number; currency: string };
}

const fileUrl = (fileId: string): string => `${FILES_PATH}/${encodeURIComponent(fileId)}`;

function buttonsOf(message: TgMessage): ButtonView[][] | undefined {
  const rows = message.reply_markup?.inline_keyboard;
  if (!rows || rows.length === 0) return undefined;
  return rows.map((row) =>
    row.map((b) => {
      const view: ButtonView = { text: b.text };
      if (b.callback_data !== undefined) view.data = b.callback_data;
      if (b.url !== undefined) view.url = b.url;
      if (b.pay === true) view.pay = true;
      return view;
    }),
  );
}

/** A message as the chat page draws it: text or caption with its entities, the media's address, the keyboard. */
export function messageView(stored: StoredMessage, driver: UserDriver, qr: QrLinks): MessageView {
  const m = stored.message;
  const view: MessageView = {
    id: m.message_id,
    from: stored.sender === 'bot' ? 'bot' : 'person',
    date: m.date,
    edited: stored.versions.length > 0,
    version: stored.versions.length,
  };
  const text = m.text ?? m.caption;
  if (text !== undefined) view.text = text;
  const entities = m.entities ?? m.caption_entities;
  if (entities && entities.length > 0) view.entities = entities;
  const largest = [...(m.photo ?? [])].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (largest) {
    const qrLink = qr.linkIn(largest.file_id, () => driver.file(largest.file_id)?.bytes);
    view.photo = { url: fileUrl(largest.file_id), width: largest.width, height: largest.height, qrLink };
  }
  if (m.document) {
    view.document = { url: fileUrl(m.document.file_id), name: m.document.file_name ?? 'file', size: m.document.file_size };
    if (m.document.mime_type) view.document.mimeType = m.document.mime_type;
  }
  if (m.reply_to_message) view.replyTo = { id: m.reply_to_message.message_id, text: m.reply_to_message.text ?? m.reply_to_message.caption ?? '' };
  if (m.invoice) {
    const state = driver.invoiceState(stored.chatId, m.message_id)?.state ?? 'open';
    view.invoice = { title: m.invoice.title, description: m.invoice.description, amount: m.invoice.total_amount, currency: m.invoice.currency, state };
  }
  if (m.successful_payment) view.payment = { kind: 'paid', amount: m.successful_payment.total_amount, currency: m.successful_payment.currency };
  if (m.refunded_payment) view.payment = { kind: 'refunded', amount: m.refunded_payment.total_amount, currency: m.refunded_payment.currency };
  const buttons = buttonsOf(m);
  // A paid invoice keeps no Pay button (Telegram shows it as paid).
  if (buttons && view.invoice?.state !== 'paid' && view.invoice?.state !== 'refunded') view.buttons = buttons;
  else if (buttons && !view.invoice) view.buttons = buttons;
  return view;
}

/** What the reply keyboard under the input field offers (rows of button texts), if the bot set one. */
export function replyKeyboardView(markup: Record<string, unknown> | undefined): { rows: string[][]; oneTime: boolean } | null {
  const rows = markup?.keyboard;
  if (!Array.isArray(rows)) return null;
  const texts = rows
    .filter((row): row is unknown[] => Array.isArray(row))
    .map((row) =>
      row
        .map((b) =>
          typeof b === 'string'
            ? b
            : typeof b === 'object' && b !== null && typeof (b as { text?: unknown }).text === 'string'
              ? (b as { text: string }).text
              : '',
        )
        .filter((t) => t !== ''),
    )
    .filter((row) => row.length > 0);
  return texts.length > 0 ? { rows: texts, oneTime: markup?.one_time_keyboard === true } : null;
}
