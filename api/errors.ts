import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SharedErrorCode } from '../domain/shared/error-codes';
import { DomainError } from '../domain/shared/result';
import { ErrorCode } from '../domain/shop';
import type { ErrorBody } from './schemas/common';
import { StoreUnavailableError } from '../domain/shared/unit-of-work';
import { validationErrorBody } from './validation-errors';

/** The statuses of the codes no one context owns; each context's routes bring their own (api/server.ts merges them). */
export const SHARED_STATUS: Readonly<Record<SharedErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  STORE_UNAVAILABLE: 503,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The HTTP status of a domain error code: the one table, merged at start from every context's part (api/server.ts). */
    errorStatus(code: ErrorCode): number;
  }
}

export function sendError(reply: FastifyReply, error: DomainError<ErrorCode>): FastifyReply {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details) body.error.details = error.details;
  // A refusal that ends by itself says when (a cool-down): clients and proxies read Retry-After.
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
  return reply.code(reply.server.errorStatus(error.code)).send(body);
}

/** Fastify's own 4xx codes (bad JSON, too large, wrong media type) in our error shape. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation) return reply.code(400).send(validationErrorBody(error.validation, error.validationContext ?? 'body'));
  if (error instanceof StoreUnavailableError) {
    request.log.warn({ err: error }, 'store unavailable');
    return reply
      .code(503)
      .header('Retry-After', '5')
      .send({ error: { code: 'STORE_UNAVAILABLE', message: 'the shop cannot reach its database right now; try again shortly' } });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[error.code] ?? (status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
    return reply.code(status).send({ error: { code, message: error.message } });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send({ error: { code: 'INTERNAL', message: 'something went wrong on our side; nothing was charged twice — try again' } });
}
