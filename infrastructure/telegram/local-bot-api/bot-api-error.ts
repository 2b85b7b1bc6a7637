import type { ApiResponse } from './bot-api-types';

/**
 * A refusal the local Bot API answers exactly as Telegram would: the HTTP status equals `error_code`, and
 * `description` carries Telegram's own words (prefix included: "Bad Request: ", "Forbidden: ", ...).
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(`${errorCode}: ${description}`);
    this.name = 'BotApiError';
  }

  toResponse(): ApiResponse {
    return this.parameters
      ? { ok: false, error_code: this.errorCode, description: this.description, parameters: this.parameters }
      : { ok: false, error_code: this.errorCode, description: this.description };
  }
}

export const badRequest = (what: string): BotApiError => new BotApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string): BotApiError => new BotApiError(403, `Forbidden: ${what}`);
export const conflict = (what: string): BotApiError => new BotApiError(409, `Conflict: ${what}`);
export const unauthorized = (): BotApiError => new BotApiError(401, 'Unauthorized');
export const notFound = (): BotApiError => new BotApiError(404, 'Not Found');

export const tooManyRequests = (retryAfterSeconds: number): BotApiError => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new BotApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
};

export const chatNotFound = (): BotApiError => badRequest('chat not found');
export const chatIdEmpty = (): BotApiError => badRequest('chat_id is empty');
export const botBlocked = (): BotApiError => forbidden('bot was blocked by the user');
export const queryTooOld = (): BotApiError => badRequest('query is too old and response timeout expired or query ID is invalid');
export const messageNotModified = (): BotApiError =>
  badRequest(
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  );

/**
 * Telegram lower-cases the first letter of a library message ("Can't parse ..." becomes "can't parse ...")
 * unless the second letter shows it is an error constant such as BUTTON_DATA_INVALID.
 */
export function telegramCase(message: string): string {
  const second = message[1];
  if (second !== undefined && (second === '_' || (second >= 'A' && second <= 'Z'))) return message;
  return message.charAt(0).toLowerCase() + message.slice(1);
}

export const notAForum = (): BotApiError => badRequest('the chat is not a forum');
export const threadNotFound = (): BotApiError => badRequest('message thread not found');
export const topicClosed = (): BotApiError => badRequest('TOPIC_CLOSED');
export const notEnoughRightsForTopics = (): BotApiError => badRequest('not enough rights to create a topic');
export const notAMember = (): BotApiError => forbidden('bot is not a member of the supergroup chat');
