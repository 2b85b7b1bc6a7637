import type { TgMessageEntity } from '../bot-api-types';
import { byteOffset, EntityParseError, type FormattedText, normalizeUrl, sortEntities } from './formatted-text';

// parse_mode=MarkdownV2 as TDLib parses it: every character of _*[]()~`>#+-=|{}.! must be escaped
// outside an entity, only ` inside code; '\' escapes any ASCII character; '>' opens a quoted line only at
// the start of a line, and '||' right before a quoted line's end makes the quote expandable.

type Kind = 'Bold' | 'Italic' | 'Underline' | 'Strikethrough' | 'Spoiler' | 'Code' | 'Pre' | 'PreCode' | 'TextUrl' | 'CustomEmoji';

interface Open {
  kind: Kind;
  start: number;
  at: number;
  language?: string;
}

interface Quote {
  start: number;
  depth: number;
  expandable: boolean;
}

const RESERVED = '_*[]()~`>#+-=|{}.!';
const SIMPLE: Partial<Record<Kind, string>> = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strikethrough: 'strikethrough',
  Spoiler: 'spoiler',
  Code: 'code',
};

const isEscapable = (src: string, at: number): boolean => {
  const code = src.charCodeAt(at);
  return at < src.length && code > 0 && code <= 126;
};
const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v';
const reservedError = (c: string): EntityParseError => new EntityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
const unclosedError = (src: string, open: Open): EntityParseError =>
  new EntityParseError(`Can't find end of ${open.kind} entity at byte offset ${byteOffset(src, open.at)}`);

function closes(top: Open, src: string, i: number): boolean {
  const c = src[i];
  switch (top.kind) {
    case 'Bold':
      return c === '*';
    case 'Italic':
      return c === '_' && src[i + 1] !== '_';
    case 'Underline':
      return c === '_' && src[i + 1] === '_';
    case 'Strikethrough':
      return c === '~';
    case 'Spoiler':
      return c === '|' && src[i + 1] === '|';
    case 'Code':
      return c === '`';
    case 'Pre':
    case 'PreCode':
      return c === '`' && src[i + 1] === '`' && src[i + 2] === '`';
    case 'TextUrl':
    case 'CustomEmoji':
      return c === ']';
  }
}

/** Reads "(url)" starting at the '('; returns the unescaped URL and the index after ')'. */
function readUrl(src: string, i: number): { url: string; next: number } {
  const urlAt = i + 1;
  let url = '';
  let j = urlAt;
  while (j < src.length && src[j] !== ')') {
    if (src[j] === '\\' && isEscapable(src, j + 1)) {
      url += src[j + 1];
      j += 2;
      continue;
    }
    url += src[j++];
  }
  if (j >= src.length) throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(src, urlAt)}`);
  return { url, next: j + 1 };
}

function customEmojiId(url: string): string {
  const match = /^tg:\/\/emoji\/?\?([^#]*)/i.exec(url);
  const id = match?.[1]!
    .split('&')
    .find((pair) => pair.startsWith('id='))
    ?.slice(3);
  if (!id || !/^[1-9]\d*$/.test(id)) throw new EntityParseError('Invalid tg://emoji or tg://time URL specified');
  return id;
}

/** Opens the entity whose marker starts at `i`; returns the index after the marker. */
function openEntity(src: string, i: number, stack: Open[], start: number): number {
  const c = src[i];
  if (c === undefined) throw new RangeError(`no entity marker at index ${i} of a ${src.length}-character text`);
  const push = (kind: Kind, next: number, language?: string): number => {
    stack.push(language === undefined ? { kind, start, at: i } : { kind, start, at: i, language });
    return next;
  };
  switch (c) {
    case '_':
      return src[i + 1] === '_' ? push('Underline', i + 2) : push('Italic', i + 1);
    case '*':
      return push('Bold', i + 1);
    case '~':
      return push('Strikethrough', i + 1);
    case '[':
      return push('TextUrl', i + 1);
    case '|':
      if (src[i + 1] !== '|') throw reservedError(c);
      return push('Spoiler', i + 2);
    case '!':
      if (src[i + 1] !== '[') throw reservedError(c);
      return push('CustomEmoji', i + 2);
    case '`': {
      if (!(src[i + 1] === '`' && src[i + 2] === '`')) return push('Code', i + 1);
      let j = i + 3;
      let languageEnd = j;
      while (languageEnd < src.length && !isBlank(src[languageEnd]) && src[languageEnd] !== '`') languageEnd++;
      let kind: Kind = 'Pre';
      let language: string | undefined;
      if (j !== languageEnd && languageEnd < src.length && src[languageEnd] !== '`') {
        kind = 'PreCode';
        language = src.slice(j, languageEnd);
        j = languageEnd;
      }
      if (src[j] === '\n' || src[j] === '\r') {
        const pair = (src[j + 1] === '\n' || src[j + 1] === '\r') && src[j] !== src[j + 1];
        j += pair ? 2 : 1;
      }
      return push(kind, j, language);
    }
    default:
      throw reservedError(c);
  }
}

/** Closes the top entity whose end marker starts at `i`; returns the index after the marker. */
function closeEntity(src: string, i: number, open: Open, out: string, entities: TgMessageEntity[]): number {
  const base = { offset: open.start, length: out.length - open.start };
  const keep = base.length > 0;
  const simple = SIMPLE[open.kind];
  if (simple) {
    if (keep) entities.push({ type: simple, ...base });
    return i + (open.kind === 'Underline' || open.kind === 'Spoiler' ? 2 : 1);
  }
  if (open.kind === 'Pre' || open.kind === 'PreCode') {
    if (keep) entities.push(open.language === undefined ? { type: 'pre', ...base } : { type: 'pre', ...base, language: open.language });
    return i + 3;
  }
  if (open.kind === 'CustomEmoji') {
    if (src[i + 1] !== '(') throw new EntityParseError('The entity must contain a tg://emoji or tg://time URL');
    const { url, next } = readUrl(src, i + 1);
    const id = customEmojiId(url);
    if (keep) entities.push({ type: 'custom_emoji', ...base, custom_emoji_id: id });
    return next;
  }
  let url = out.slice(open.start);
  let next = i + 1;
  if (src[i + 1] === '(') ({ url, next } = readUrl(src, i + 1));
  const normalized = normalizeUrl(url);
  if (keep && normalized) entities.push({ type: 'text_link', ...base, url: normalized });
  return next;
}

export function parseMarkdownV2(src: string): FormattedText {
  let out = '';
  const entities: TgMessageEntity[] = [];
  const stack: Open[] = [];
  let quote: Quote | undefined;
  const inCode = (): boolean => ['Code', 'Pre', 'PreCode'].includes(stack.at(-1)?.kind ?? '');
  const atLineStart = (): boolean => out.length === 0 || out.endsWith('\n') || out.endsWith('\r');
  const closeQuote = (q: Quote): void => {
    if (stack.length > q.depth) throw unclosedError(src, stack[stack.length - 1]!);
    if (out.length > q.start) entities.push({ type: q.expandable ? 'expandable_blockquote' : 'blockquote', offset: q.start, length: out.length - q.start });
    quote = undefined;
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && isEscapable(src, i + 1)) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '>' && !inCode() && atLineStart()) {
      quote ??= { start: out.length, depth: stack.length, expandable: false };
      i++;
      continue;
    }
    if (!(inCode() ? '`' : RESERVED).includes(c)) {
      out += c;
      i++;
      if (c === '\n' && quote && !inCode() && src[i] !== '>') closeQuote(quote);
      continue;
    }
    const top = stack.at(-1);
    if (top && closes(top, src, i)) {
      stack.pop();
      i = closeEntity(src, i, top, out, entities);
      continue;
    }
    const endsQuotedLine = i + 2 >= src.length || src[i + 2] === '\n' || src[i + 2] === '\r';
    if (c === '|' && src[i + 1] === '|' && quote && endsQuotedLine) {
      quote.expandable = true;
      i += 2;
      continue;
    }
    i = openEntity(src, i, stack, out.length);
  }
  if (quote) closeQuote(quote);
  const unclosed = stack.at(-1);
  if (unclosed) throw unclosedError(src, unclosed);
  return { text: out, entities: sortEntities(entities) };
}
