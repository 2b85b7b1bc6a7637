/**
 * What a failed Bot API attempt means for a retry:
 * - flood: Telegram refused it (429) and says how long to wait; nothing was sent, so the same call is retried;
 * - transient: the server failed (5xx) or the connection never got through; retried with backoff;
 * - unknown: the request left and no answer came back; it may have been delivered, so it is not retried;
 * - final: Telegram refused it for good (4xx other than 429), or it failed before any request was made.
 */
export type AttemptFailure = { kind: 'flood'; retryAfterMs: number } | { kind: 'transient' } | { kind: 'unknown' } | { kind: 'final' };

/** Error codes of a connection that was refused or reset before an answer, as node-fetch reports them. */
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** retry_after is whole seconds; waiting a hair longer keeps the retry off the edge of Telegram's window. */
const FLOOD_MARGIN_MS = 100;

export interface BotApiErrorResponse {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The Bot API answer inside a failed call (telegraf's TelegramError carries it as `response`). */
export function botApiErrorResponse(error: unknown): BotApiErrorResponse | null {
  if (!isRecord(error) || !isRecord(error.response)) return null;
  const { error_code: code, description, parameters } = error.response;
  if (typeof code !== 'number') return null;
  const params = isRecord(parameters) ? parameters : undefined;
  return {
    error_code: code,
    description: typeof description === 'string' ? description : '',
    ...(params ? { parameters: { ...(typeof params.retry_after === 'number' ? { retry_after: params.retry_after } : {}) } } : {}),
  };
}

function systemErrorCode(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  for (const candidate of [error.code, error.errno, isRecord(error.cause) ? error.cause.code : undefined]) {
    if (typeof candidate === 'string') return candidate;
  }
  return undefined;
}

/** A failure of the HTTP exchange itself (node-fetch's FetchError or an abort), as opposed to a local bug. */
const isTransportError = (error: unknown): boolean => isRecord(error) && (error.name === 'FetchError' || error.name === 'AbortError');

export function classifyFailure(error: unknown, attemptAborted: boolean): AttemptFailure {
  const answer = botApiErrorResponse(error);
  if (answer) {
    if (answer.error_code === 429) {
      const seconds = answer.parameters?.retry_after;
      return { kind: 'flood', retryAfterMs: (typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : 1000) + FLOOD_MARGIN_MS };
    }
    return answer.error_code >= 500 ? { kind: 'transient' } : { kind: 'final' };
  }
  if (attemptAborted) return { kind: 'unknown' };
  if (!isTransportError(error)) return { kind: 'final' };
  const code = systemErrorCode(error);
  return code !== undefined && NOT_DELIVERED_CODES.has(code) ? { kind: 'transient' } : { kind: 'unknown' };
}
