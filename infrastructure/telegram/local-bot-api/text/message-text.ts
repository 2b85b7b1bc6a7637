import { badRequest } from '../bot-api-error';
import type { TgMessageEntity } from '../bot-api-types';
import { isRecord, jsonParam, type RequestParams, stringParam } from '../request-params';
import { characterCount, EntityParseError, type FormattedText, sortEntities, trimFormatted } from './formatted-text';
import { parseHtml } from './html-markup';
import { parseMarkdownLegacy } from './markdown-legacy-markup';
import { parseMarkdownV2 } from './markdown-v2-markup';

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

function parseWithMode(raw: string, mode: string): FormattedText {
  try {
    switch (mode.toLowerCase()) {
      case 'html':
        return parseHtml(raw);
      case 'markdownv2':
        return parseMarkdownV2(raw);
      case 'markdown':
        return parseMarkdownLegacy(raw);
      default:
        throw badRequest('unsupported parse_mode');
    }
  } catch (error) {
    if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
}

/** Explicit `entities` / `caption_entities`: kept when well-formed and inside the text, as Telegram does. */
function explicitEntities(params: RequestParams, field: string, text: string): TgMessageEntity[] {
  const parsed = jsonParam(params, field);
  if (parsed.kind === 'absent') return [];
  if (parsed.kind === 'invalid' || !Array.isArray(parsed.value)) throw badRequest(`can't parse entities JSON object`);
  const entities: TgMessageEntity[] = [];
  for (const item of parsed.value) {
    if (!isRecord(item) || typeof item.type !== 'string' || typeof item.offset !== 'number' || typeof item.length !== 'number') continue;
    if (item.offset < 0 || item.length <= 0 || item.offset + item.length > text.length) continue;
    entities.push({ ...item, type: item.type, offset: item.offset, length: item.length } as TgMessageEntity);
  }
  return sortEntities(entities);
}

function formatted(params: RequestParams, textField: string, entitiesField: string): FormattedText | undefined {
  const raw = stringParam(params, textField);
  if (raw === undefined) return undefined;
  const mode = stringParam(params, 'parse_mode') ?? '';
  const parsed = mode === '' ? { text: raw, entities: explicitEntities(params, entitiesField, raw) } : parseWithMode(raw, mode);
  return trimFormatted(parsed);
}

/** The `text` of sendMessage / editMessageText after markup, trimming and Telegram's two checks. */
export function messageText(params: RequestParams): FormattedText {
  const text = formatted(params, 'text', 'entities');
  if (!text || text.text === '') throw badRequest('message text is empty');
  if (characterCount(text.text) > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return text;
}

/** The optional `caption` of a media message; an empty caption simply means none. */
export function messageCaption(params: RequestParams): FormattedText | undefined {
  const caption = formatted(params, 'caption', 'caption_entities');
  if (!caption || caption.text === '') return undefined;
  if (characterCount(caption.text) > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return caption;
}
