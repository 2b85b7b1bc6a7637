import type { Message } from 'telegraf/types';
import type { MessageContent } from '../../../domain/support';

/**
 * What a person sent, as the desk stores it: a text, or a photo (its largest size) or document by file_id with its
 * caption. Anything else (stickers, voice, locations) is not a support message.
 */
export function contentOf(message: Message): MessageContent | null {
  if ('text' in message) return { kind: 'text', text: message.text };
  if ('photo' in message) {
    const largest = [...message.photo].sort((a, b) => b.width * b.height - a.width * a.height)[0];
    return largest ? { kind: 'photo', text: message.caption ?? '', attachment: { fileId: largest.file_id } } : null;
  }
  if ('document' in message) {
    return { kind: 'document', text: message.caption ?? '', attachment: { fileId: message.document.file_id, fileName: message.document.file_name ?? null } };
  }
  return null;
}

/** The ticket a staff member answers by replying to one of its relayed messages ("🎫 #12 · …", "🎫 New ticket #12 …"). */
export function ticketReferredTo(message: Message, botId: number): number | null {
  const replied = 'reply_to_message' in message ? message.reply_to_message : undefined;
  if (!replied || replied.from?.id !== botId) return null;
  const text = 'text' in replied ? replied.text : 'caption' in replied ? (replied.caption ?? '') : '';
  const match = /^🎫[^#\n]*#(\d{1,15})\b/u.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}
