import type { TgMessageEntity } from '../bot-api-types';
import { byteOffset, EntityParseError, type FormattedText, normalizeUrl } from './formatted-text';

// parse_mode=Markdown (the legacy one) as TDLib parses it: *bold*, _italic_, `code`, ```pre```,
// [text](url); entities never nest, and only _ * ` [ can be escaped.

const TYPES: Record<string, string> = { '*': 'bold', _: 'italic' };

export function parseMarkdownLegacy(src: string): FormattedText {
  let out = '';
  const entities: TgMessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? '\u0000')) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(c)) {
      out += c;
      i++;
      continue;
    }
    const beginAt = i;
    const endChar = c === '[' ? ']' : c;
    let isPre = false;
    let language: string | undefined;
    i++;
    if (c === '`' && src[i] === '`' && src[i + 1] === '`') {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (languageEnd < src.length && !/\s/.test(src[languageEnd]!) && src[languageEnd] !== '`') languageEnd++;
      if (i !== languageEnd && languageEnd < src.length && src[languageEnd] !== '`') {
        language = src.slice(i, languageEnd);
        i = languageEnd;
      }
      if (src[i] === '\n' || src[i] === '\r') {
        const pair = (src[i + 1] === '\n' || src[i + 1] === '\r') && src[i] !== src[i + 1];
        i += pair ? 2 : 1;
      }
    }
    const start = out.length;
    while (i < src.length && (src[i] !== endChar || (isPre && !(src[i + 1] === '`' && src[i + 2] === '`')))) out += src[i++];
    if (i >= src.length) throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(src, beginAt)}`);
    const base = { offset: start, length: out.length - start };
    i += isPre ? 3 : 1;
    if (c === '[') {
      let url = out.slice(start);
      if (src[i] === '(') {
        const close = src.indexOf(')', i);
        url = close < 0 ? src.slice(i + 1) : src.slice(i + 1, close);
        i = close < 0 ? src.length : close + 1;
      }
      const normalized = normalizeUrl(url);
      if (base.length > 0 && normalized) entities.push({ type: 'text_link', ...base, url: normalized });
      continue;
    }
    if (base.length === 0) continue;
    if (c === '`') entities.push(isPre ? (language ? { type: 'pre', ...base, language } : { type: 'pre', ...base }) : { type: 'code', ...base });
    else {
      const type = TYPES[c];
      if (type === undefined) throw new Error(`markdown: '${c}' opens no entity`);
      entities.push({ type, ...base });
    }
  }
  return { text: out, entities };
}
