/** Telegram's own limits (Bot API): lengths count UTF-16 code units after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
export const MAX_CALLBACK_ANSWER_LENGTH = 200;
export const MAX_CALLBACK_DATA_BYTES = 64;

const ELLIPSIS = '…';

/** Cuts text to `max` UTF-16 units, never through a surrogate pair, marking the cut with an ellipsis. */
export function fitText(text: string, max: number = MAX_MESSAGE_LENGTH): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed.length > 0 ? trimmed : ELLIPSIS;
  let end = max - ELLIPSIS.length;
  const code = trimmed.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${trimmed.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

export const fitCaption = (text: string): string => fitText(text, MAX_CAPTION_LENGTH);

/**
 * Splits a long text into messages at line breaks (a line longer than a message is cut), so a long list of codes
 * arrives whole over several messages instead of being truncated.
 */
export function splitText(text: string, max: number = MAX_MESSAGE_LENGTH): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.length > max ? fitText(rawLine, max) : rawLine;
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > max) {
      if (current.trim() !== '') chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.length > 0 ? chunks : [ELLIPSIS];
}
