import type { TgMessageEntity } from '../bot-api-types';

/** Text after markup parsing, with entity offsets and lengths in UTF-16 code units as the Bot API counts them. */
export interface FormattedText {
  text: string;
  entities: TgMessageEntity[];
}

/** A markup mistake; its message is what Telegram puts after "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityParseError';
  }
}

/** Byte offsets in parse errors count UTF-8 bytes of the markup, as Telegram reports them. */
export const byteOffset = (source: string, index: number): number => Buffer.byteLength(source.slice(0, index), 'utf8');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

const ALLOWED_URL_SCHEMES = new Set(['http:', 'https:', 'ton:', 'tonsite:', 'tg:']);

/**
 * Telegram's URL check for text links and URL buttons: a scheme-less URL gets "http://", the host must
 * look like a real host (a dotted name, an IP or localhost), and the result is normalised
 * ("telegram.org" becomes "http://telegram.org/"). Returns undefined when Telegram would refuse it.
 */
export function normalizeUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (url === '' || /\s/.test(url)) return undefined;
  if (/^tg:/i.test(url)) return url;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[^:]+:\d/.test(url);
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? url : `http://${url}`);
  } catch {
    return undefined;
  }
  if (!ALLOWED_URL_SCHEMES.has(parsed.protocol)) return undefined;
  const host = parsed.hostname;
  const looksLikeHost = host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || /\.[a-z\u00a1-\uffff-]{2,}$/i.test(host);
  return looksLikeHost ? parsed.href : undefined;
}

// TDLib's tie-break between entities over the same range (lower first).
const ENTITY_PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

/** Entities in the order Telegram returns them: by offset, the longer (outer) one first, then TDLib's priority. */
export function sortEntities(entities: TgMessageEntity[]): TgMessageEntity[] {
  const priority = (e: TgMessageEntity): number => ENTITY_PRIORITY[e.type] ?? 50;
  return [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length || priority(a) - priority(b));
}

const isTrimmable = (char: string): boolean => /\s/.test(char);

/**
 * Telegram strips leading and trailing white space from message texts and captions and moves the
 * entities along; an entity that falls entirely into the stripped part disappears.
 */
export function trimFormatted(formatted: FormattedText): FormattedText {
  const { text } = formatted;
  let start = 0;
  while (start < text.length && isTrimmable(text[start]!)) start++;
  let end = text.length;
  while (end > start && isTrimmable(text[end - 1]!)) end--;
  if (start === 0 && end === text.length) return formatted;
  const entities: TgMessageEntity[] = [];
  for (const entity of formatted.entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) entities.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities };
}

/** Message limits count characters (code points), not UTF-16 units or bytes. */
export const characterCount = (text: string): number => Array.from(text).length;
