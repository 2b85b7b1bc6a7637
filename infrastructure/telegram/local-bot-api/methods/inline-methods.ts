import { badRequest, queryTooOld } from '../bot-api-error';
import { boolParam, clampedIntParam, isRecord, jsonParam, stringParam } from '../request-params';
import { type MethodContext, type MethodOutcome, ok } from './method-context';

/** Telegram's limits on an answer to an inline query. */
export const MAX_INLINE_RESULTS = 50;
const MAX_RESULT_ID_BYTES = 64;
const MAX_NEXT_OFFSET_BYTES = 64;
/** An inline query must be answered within about 10 seconds. */
const INLINE_QUERY_TTL_MS = 10_000;
const RESULT_TYPES = new Set([
  'article',
  'photo',
  'gif',
  'mpeg4_gif',
  'video',
  'audio',
  'voice',
  'document',
  'location',
  'venue',
  'contact',
  'game',
  'sticker',
]);

function checkResult(result: unknown, index: number, seen: Set<string>): Record<string, unknown> {
  if (!isRecord(result)) throw badRequest(`can't parse inline query result: result ${index} is not an object`);
  const type = result.type;
  if (typeof type !== 'string' || !RESULT_TYPES.has(type)) throw badRequest('RESULT_TYPE_INVALID');
  const id = result.id;
  if (typeof id !== 'string' || id === '' || Buffer.byteLength(id, 'utf8') > MAX_RESULT_ID_BYTES) throw badRequest('RESULT_ID_INVALID');
  if (seen.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
  seen.add(id);
  if (type === 'article') {
    if (typeof result.title !== 'string' || result.title.trim() === '') throw badRequest('RESULT_TITLE_EMPTY');
    const content = result.input_message_content;
    if (!isRecord(content) || typeof content.message_text !== 'string' || content.message_text.trim() === '') throw badRequest('MESSAGE_EMPTY');
  }
  return result;
}

/** answerInlineQuery: at most 50 results with unique ids of 1–64 bytes, a next_offset of at most 64 bytes, once. */
export function answerInlineQuery(ctx: MethodContext): MethodOutcome {
  const id = stringParam(ctx.params, 'inline_query_id')?.trim() ?? '';
  const query = ctx.bot.inlineQueries.get(id);
  if (!query || query.answer || Date.now() - query.createdAt > INLINE_QUERY_TTL_MS) throw queryTooOld();
  const parsed = jsonParam(ctx.params, 'results');
  if (parsed.kind === 'invalid') throw badRequest("can't parse inline query results JSON object");
  if (parsed.kind === 'absent' || !Array.isArray(parsed.value)) throw badRequest('results must be an array of InlineQueryResult');
  if (parsed.value.length > MAX_INLINE_RESULTS) throw badRequest('RESULTS_TOO_MUCH');
  const seen = new Set<string>();
  const results = parsed.value.map((r, i) => checkResult(r, i, seen));
  const nextOffset = stringParam(ctx.params, 'next_offset') ?? '';
  if (Buffer.byteLength(nextOffset, 'utf8') > MAX_NEXT_OFFSET_BYTES) throw badRequest('NEXT_OFFSET_INVALID');
  query.answer = {
    results,
    next_offset: nextOffset,
    cache_time: clampedIntParam(ctx.params, 'cache_time', 300, 0, 366 * 24 * 3600),
    is_personal: boolParam(ctx.params, 'is_personal'),
    at: Date.now(),
  };
  ctx.world.changes.notify();
  return ok(true);
}
