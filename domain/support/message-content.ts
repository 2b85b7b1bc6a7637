import { Result, ok } from '../shared/result';
import { ValidationError, invalid } from '../shared/validation';
import { MAX_AUTHOR_NAME, MAX_CAPTION, MAX_FILE_ID, MAX_FILE_NAME, MAX_MESSAGE_TEXT, TicketAttachment } from './ticket';

/** What a person sent: a text, or a photo or document (by Telegram file_id) with an optional caption. */
export interface MessageContent {
  kind: 'text' | 'photo' | 'document';
  text?: string;
  attachment?: { fileId: string; fileName?: string | null };
}

export interface CheckedContent {
  kind: 'text' | 'photo' | 'document';
  text: string;
  attachment: TicketAttachment | null;
}

/** Checks a message before any transaction, with Telegram's own limits (so a stored message can always be relayed). */
export function checkContent(content: MessageContent): Result<CheckedContent, ValidationError> {
  const text = typeof content.text === 'string' ? content.text.trim() : '';
  if (content.kind === 'text') {
    if (text === '') return invalid('text', 'must not be empty');
    if (text.length > MAX_MESSAGE_TEXT) return invalid('text', `must be at most ${MAX_MESSAGE_TEXT} characters`);
    return ok({ kind: 'text', text, attachment: null });
  }
  if (content.kind !== 'photo' && content.kind !== 'document') return invalid('kind', 'must be text, photo or document');
  if (text.length > MAX_CAPTION) return invalid('text', `a caption is at most ${MAX_CAPTION} characters`);
  const fileId = content.attachment?.fileId;
  if (typeof fileId !== 'string' || fileId === '' || fileId.length > MAX_FILE_ID) return invalid('attachment.fileId', 'must be a Telegram file_id');
  const fileName = content.attachment?.fileName ?? null;
  if (fileName !== null && (typeof fileName !== 'string' || fileName.length > MAX_FILE_NAME)) return invalid('attachment.fileName', 'is too long');
  return ok({ kind: content.kind, text, attachment: { fileId, fileName } });
}

/** A display name as stored: trimmed, at most MAX_AUTHOR_NAME characters, never empty. */
export const authorNameOf = (name: string | null | undefined, fallback: string): string => {
  const trimmed = Array.from((name ?? '').trim())
    .slice(0, MAX_AUTHOR_NAME)
    .join('');
  return trimmed === '' ? fallback : trimmed;
};
