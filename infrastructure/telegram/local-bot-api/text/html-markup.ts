import type { TgMessageEntity } from '../bot-api-types';
import { byteOffset, EntityParseError, type FormattedText, hasLoneSurrogate, normalizeUrl, sortEntities } from './formatted-text';

// parse_mode=HTML as TDLib parses it: a small fixed set of tags, attributes quoted or not, only four
// named character references (&lt; &gt; &amp; &quot;) plus numeric ones, the trailing ';' optional.
// Unknown named references stay literal text. Error texts match TDLib's.

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

const NAMED_REFERENCES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  tag: string;
  start: number;
  url?: string;
  language?: string;
  emojiId?: string;
  expandable?: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';
const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);

/** Decodes the character reference at `at` ('&' there), or returns undefined when it is not one. */
function decodeReference(src: string, at: number): { text: string; next: number } | undefined {
  let end = at + 1;
  let code = 0;
  if (src[end] === '#') {
    end++;
    const hex = src[end] === 'x';
    if (hex) end++;
    const digit = hex ? /^[0-9A-Fa-f]$/ : /^[0-9]$/;
    while (end < src.length && digit.test(src[end]!)) {
      code = code * (hex ? 16 : 10) + parseInt(src[end]!, 16);
      if (code >= 0x10ffff) return undefined;
      end++;
    }
    if (code === 0 || end - at >= 10) return undefined;
  } else {
    while (end < src.length && /^[A-Za-z]$/.test(src[end]!)) end++;
    const named = NAMED_REFERENCES[src.slice(at + 1, end)];
    if (named === undefined) return undefined;
    code = named.charCodeAt(0);
  }
  if (src[end] === ';') end++;
  return { text: String.fromCodePoint(code), next: end };
}

function decodeReferences(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    const decoded = value[i] === '&' ? decodeReference(value, i) : undefined;
    if (decoded) {
      out += decoded.text;
      i = decoded.next;
    } else {
      out += value[i++];
    }
  }
  return out;
}

/** Reads the attributes of a start tag from `i` up to its '>'; returns them and the index of that '>'. */
function readAttributes(src: string, i: number, tag: string, tagAt: number): { attributes: Map<string, string | true>; end: number } {
  const attributes = new Map<string, string | true>();
  const unclosed = (): EntityParseError => new EntityParseError(`Unclosed start tag "${tag}" at byte offset ${byteOffset(src, tagAt)}`);
  while (src[i] !== '>') {
    while (i < src.length && isSpace(src[i])) i++;
    if (i >= src.length) throw unclosed();
    if (src[i] === '>') break;
    const nameStart = i;
    while (i < src.length && !isSpace(src[i]) && src[i] !== '=' && src[i] !== '>') i++;
    const name = src.slice(nameStart, i).toLowerCase();
    if (name === '') throw new EntityParseError(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(src, tagAt)}`);
    while (i < src.length && isSpace(src[i])) i++;
    if (i >= src.length) throw unclosed();
    if (src[i] !== '=') {
      attributes.set(name, true);
      continue;
    }
    i++;
    while (i < src.length && isSpace(src[i])) i++;
    if (i >= src.length) throw unclosed();
    if (src[i] !== '"' && src[i] !== "'") {
      const tokenStart = i;
      while (i < src.length && (isAlnum(src[i]) || src[i] === '.' || src[i] === '-')) i++;
      if (i >= src.length || (!isSpace(src[i]) && src[i] !== '>')) {
        throw new EntityParseError(`Unexpected end of name token at byte offset ${byteOffset(src, tokenStart)}`);
      }
      attributes.set(name, src.slice(tokenStart, i));
    } else {
      const quote = src[i++];
      const valueStart = i;
      while (i < src.length && src[i] !== quote) i++;
      if (i >= src.length) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(src, tagAt)}`);
      attributes.set(name, decodeReferences(src.slice(valueStart, i)));
      i++;
    }
  }
  return { attributes, end: i };
}

function openTag(src: string, tag: string, tagAt: number, attributes: Map<string, string | true>, start: number): OpenTag {
  const text = (name: string): string | undefined => {
    const value = attributes.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const open: OpenTag = { tag, start };
  if (tag === 'a') open.url = text('href');
  if (tag === 'code') {
    const cls = text('class');
    if (cls?.startsWith('language-') && cls.length > 'language-'.length) open.language = cls.slice('language-'.length);
  }
  if (tag === 'span' && text('class') !== 'tg-spoiler') {
    throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, tagAt)}`);
  }
  if (tag === 'tg-emoji') {
    open.emojiId = text('emoji-id');
    if (!open.emojiId || !/^\d+$/.test(open.emojiId)) {
      throw new EntityParseError(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${byteOffset(src, tagAt)}`);
    }
  }
  if (tag === 'blockquote') open.expandable = attributes.has('expandable');
  return open;
}

/** A <pre> and a <code class="language-x"> over exactly the same text become one pre entity with a language. */
function mergePreAndCode(entities: TgMessageEntity[], closed: TgMessageEntity): void {
  const sameRange = (e: TgMessageEntity): boolean => e !== closed && e.offset === closed.offset && e.length === closed.length;
  const partnerType = closed.type === 'pre' ? 'code' : 'pre';
  const partner = entities.find((e) => sameRange(e) && e.type === partnerType);
  if (!partner) return;
  const [pre, code] = closed.type === 'pre' ? [closed, partner] : [partner, closed];
  if (code.language === undefined) return;
  pre.language = code.language;
  entities.splice(entities.indexOf(code), 1);
}

function closeTag(open: OpenTag, out: string, entities: TgMessageEntity[]): void {
  const length = out.length - open.start;
  if (length <= 0) return;
  const base = { offset: open.start, length };
  let entity: TgMessageEntity | undefined;
  const simple = SIMPLE_TYPES[open.tag];
  if (simple) entity = { type: simple, ...base };
  else if (open.tag === 'a') {
    const url = normalizeUrl(open.url ?? out.slice(open.start));
    if (url) entity = { type: 'text_link', ...base, url };
  } else if (open.tag === 'code') entity = open.language ? { type: 'code', ...base, language: open.language } : { type: 'code', ...base };
  else if (open.tag === 'pre') entity = { type: 'pre', ...base };
  else if (open.tag === 'tg-emoji') entity = { type: 'custom_emoji', ...base, custom_emoji_id: open.emojiId };
  else if (open.tag === 'blockquote') entity = { type: open.expandable ? 'expandable_blockquote' : 'blockquote', ...base };
  if (!entity) return;
  entities.push(entity);
  if (entity.type === 'pre' || entity.type === 'code') mergePreAndCode(entities, entity);
}

export function parseHtml(src: string): FormattedText {
  let out = '';
  const entities: TgMessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '&') {
      const decoded = decodeReference(src, i);
      out += decoded ? decoded.text : '&';
      i = decoded ? decoded.next : i + 1;
      continue;
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const tagAt = i;
    if (src[i + 1] !== '/') {
      i++;
      const nameStart = i;
      while (i < src.length && !isSpace(src[i]) && src[i] !== '>') i++;
      if (i >= src.length) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(src, tagAt)}`);
      const tag = src.slice(nameStart, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(tag)) throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${byteOffset(src, tagAt)}`);
      const { attributes, end } = readAttributes(src, i, tag, tagAt);
      stack.push(openTag(src, tag, tagAt, attributes, out.length));
      i = end + 1;
      continue;
    }
    const open = stack.at(-1);
    if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(src, tagAt)}`);
    i += 2;
    const nameStart = i;
    while (i < src.length && src[i] !== '>' && !isSpace(src[i])) i++;
    const endName = src.slice(nameStart, i).toLowerCase();
    while (i < src.length && isSpace(src[i])) i++;
    if (src[i] !== '>') throw new EntityParseError(`Unclosed end tag at byte offset ${byteOffset(src, tagAt)}`);
    if (endName !== '' && endName !== open.tag) {
      throw new EntityParseError(`Unmatched end tag at byte offset ${byteOffset(src, tagAt)}, expected "</${open.tag}>", found "</${endName}>"`);
    }
    i++;
    stack.pop();
    closeTag(open, out, entities);
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  if (hasLoneSurrogate(out)) {
    throw new EntityParseError('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
  }
  // A language only survives on a pre entity; a lone code entity never carries one.
  const cleaned = entities.map((e) => (e.type === 'code' && e.language !== undefined ? { type: e.type, offset: e.offset, length: e.length } : e));
  return { text: out, entities: sortEntities(cleaned) };
}
