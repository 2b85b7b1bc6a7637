import { ProviderError } from '../../../domain/payment';
import { parseJsonObject, stringField } from './json-shape';

export interface ErrorReply {
  status: number;
  code?: string;
  message?: string;
  requestId?: string;
}

export function readErrorReply(status: number, raw: Buffer, requestId: string | undefined): ErrorReply {
  const body = parseJsonObject(raw.toString('utf8'));
  const code = body ? stringField(body, 'code') : undefined;
  const message = body ? stringField(body, 'message') : undefined;
  return { status, ...(code ? { code } : {}), ...(message ? { message } : {}), ...(requestId ? { requestId } : {}) };
}

/** 5xx and 429 (FREQUENCY_LIMITED) may succeed if sent again unchanged; every other 4xx will not. */
export const isRetryableStatus = (status: number): boolean => status >= 500 || status === 429;

function describe(reply: ErrorReply): string {
  const parts = [`WeChat Pay answered ${reply.status}`];
  if (reply.code) parts.push(reply.code);
  if (reply.message) parts.push(`"${reply.message}"`);
  if (reply.requestId) parts.push(`(Request-ID ${reply.requestId})`);
  return parts.join(' ');
}

/** One place decides what a WeChat error reply means to the shop. */
export function mapErrorReply(reply: ErrorReply): ProviderError {
  const base = { message: describe(reply), httpStatus: reply.status, ...(reply.code ? { providerCode: reply.code } : {}) };
  if (isRetryableStatus(reply.status)) return { code: 'PROVIDER_UNAVAILABLE', ...base };
  switch (reply.code) {
    case 'ORDER_NOT_EXIST':
    case 'RESOURCE_NOT_EXISTS': // the refund API's spelling of "no such order / refund"
      return { code: 'ORDER_NOT_EXIST', ...base };
    case 'ORDER_CLOSED':
      return { code: 'ORDER_CLOSED', ...base };
    case 'NOT_ENOUGH':
      return { code: 'NOT_ENOUGH', ...base };
    case 'ORDERPAID':
    case 'ORDER_PAID':
      return { code: 'ALREADY_PAID', ...base };
    default:
      return { code: 'PROVIDER_REJECTED', ...base };
  }
}
