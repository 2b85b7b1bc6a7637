import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BotApiError, notFound, tooManyRequests, unauthorized } from './bot-api-error';
import type { ApiResponse } from './bot-api-types';
import type { CallLog, RecordedCall } from './call-log';
import type { Fault, Faults } from './faults';
import { TOKEN_PATTERN } from './ids';
import type { MethodContext, MethodHandler } from './methods/method-context';
import { findMethod, isUnspokenMethod } from './methods/method-table';
import type { SendRateLimiter } from './rate-limiter';
import { readRequestParams } from './request-reading';
import { describeParams, type RequestParams, stringParam } from './request-params';
import type { World } from './world';

export interface ServerDeps {
  world: World;
  calls: CallLog;
  faults: Faults;
  limiter?: SendRateLimiter;
  /** Marks the internal requests that run a method a webhook answered with. */
  webhookReplyKey: string;
  /** Aborted when the local Bot API closes: hung calls end then. */
  closing: AbortSignal;
  /** Extra routes (the driver's HTTP face) mounted under their own prefix. */
  extraRoutes?: (request: FastifyRequest, reply: FastifyReply, path: string) => Promise<boolean>;
}

export const WEBHOOK_REPLY_HEADER = 'x-local-bot-api-webhook-reply';
const MAX_BODY_BYTES = 60 * 1024 * 1024;

const PROXY_STATUS_TEXT: Record<502 | 503 | 504, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Time-out' };
const proxyErrorPage = (status: keyof typeof PROXY_STATUS_TEXT): string =>
  `<html>\r\n<head><title>${status} ${PROXY_STATUS_TEXT[status]}</title></head>\r\n<body>\r\n<center><h1>${status} ${PROXY_STATUS_TEXT[status]}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`;

// Nothing below hands a FastifyReply through a promise: a reply is thenable, and awaiting one waits for
// the response to finish instead of yielding the reply. Senders return void.

function sendJson(reply: FastifyReply, status: number, body: ApiResponse, record?: RecordedCall): void {
  if (record) Object.assign(record, { answeredAt: Date.now(), httpStatus: status, response: body });
  void reply.code(status).header('content-type', 'application/json').send(JSON.stringify(body));
}

const sendError = (reply: FastifyReply, error: BotApiError, record?: RecordedCall): void => sendJson(reply, error.errorCode, error.toResponse(), record);

function untilAborted(...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    for (const signal of signals) signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms).unref()), untilAborted(signal)]);
}

/** Aborts when the client disconnects before its answer was written. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

async function runHandler(handler: MethodHandler, ctx: MethodContext): Promise<{ status: number; body: ApiResponse }> {
  try {
    const outcome = await handler(ctx);
    const body: ApiResponse =
      outcome.description === undefined ? { ok: true, result: outcome.result } : { ok: true, result: outcome.result, description: outcome.description };
    return { status: 200, body };
  } catch (error) {
    if (error instanceof BotApiError) return { status: error.errorCode, body: error.toResponse() };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { ok: false, error_code: 500, description: `Internal Server Error: ${message}` } };
  }
}

/** Plays the fault; true when it answered (or cut) the call itself. */
async function applyFault(
  deps: ServerDeps,
  fault: Fault,
  reply: FastifyReply,
  record: RecordedCall,
  signal: AbortSignal,
  process: () => Promise<{ status: number; body: ApiResponse }>,
): Promise<boolean> {
  record.fault = fault.kind;
  switch (fault.kind) {
    case 'retryAfter':
      sendError(reply, tooManyRequests(fault.retryAfter), record);
      return true;
    case 'delay':
      await delay(fault.ms, AbortSignal.any([signal, deps.closing]));
      return false;
    case 'hang':
      await untilAborted(signal, deps.closing);
      reply.hijack();
      reply.raw.destroy();
      return true;
    case 'drop':
      if (fault.afterProcessing) await process();
      reply.hijack();
      reply.raw.destroy();
      return true;
    case 'serverError': {
      if (fault.afterProcessing) await process();
      const status = fault.status ?? 500;
      const seen: ApiResponse = { ok: false, error_code: status, description: status === 500 ? 'Internal Server Error' : PROXY_STATUS_TEXT[status] };
      Object.assign(record, { answeredAt: Date.now(), httpStatus: status, response: seen });
      if (status === 500) void reply.code(500).header('content-type', 'application/json').send(JSON.stringify(seen));
      else void reply.code(status).header('content-type', 'text/html').send(proxyErrorPage(status));
      return true;
    }
  }
}

async function handleMethod(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply, url: URL, token: string, rawMethod: string): Promise<void> {
  const tokenMatch = TOKEN_PATTERN.exec(token);
  if (!tokenMatch) return sendError(reply, notFound());
  const bot = deps.world.bots.get(token);
  const viaWebhookReply = rawMethod === '' && request.headers[WEBHOOK_REPLY_HEADER] === deps.webhookReplyKey;
  let params: RequestParams;
  try {
    params = await readRequestParams(request, url);
  } catch (error) {
    if (error instanceof BotApiError) return sendError(reply, error);
    throw error;
  }
  const requested = viaWebhookReply ? (stringParam(params, 'method') ?? '') : rawMethod;
  const found = findMethod(requested);
  const record = deps.calls.start({
    botId: Number(tokenMatch[1]),
    method: found?.name ?? requested,
    params: describeParams(params),
    receivedAt: Date.now(),
    ...(viaWebhookReply ? { viaWebhookReply: true } : {}),
  });
  if (!bot) return sendError(reply, unauthorized(), record);
  if (!found) {
    const error = isUnspokenMethod(requested)
      ? new BotApiError(501, `Unsupported by the local Bot API: ${requested} is a real Bot API method it does not model`)
      : notFound();
    return sendError(reply, error, record);
  }
  const signal = clientGone(reply);
  const ctx: MethodContext = { world: deps.world, bot, params, signal, takeSendQuota: (chatId) => deps.limiter?.take(bot.id, chatId) };
  const process = (): Promise<{ status: number; body: ApiResponse }> => runHandler(found.handler, ctx);
  const fault = deps.faults.take(token, found.name, params);
  if (fault && (await applyFault(deps, fault, reply, record, signal, process))) return;
  const { status, body } = await process();
  return sendJson(reply, status, body, record);
}

function serveFile(deps: ServerDeps, reply: FastifyReply, token: string, filePath: string): void {
  if (!TOKEN_PATTERN.test(token)) return sendError(reply, notFound());
  const bot = deps.world.bots.get(token);
  if (!bot) return sendError(reply, unauthorized());
  const file = bot.files.atPath(decodeURIComponent(filePath));
  if (!file) return sendError(reply, notFound());
  void reply.code(200).header('content-type', 'application/octet-stream').header('content-length', file.bytes.length).send(file.bytes);
}

async function route(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const url = new URL(request.url, 'http://local-bot-api.invalid');
  const path = url.pathname;
  if (deps.extraRoutes && (await deps.extraRoutes(request, reply, path))) return;
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
  if (file) return serveFile(deps, reply, file[1]!, file[2]!);
  const method = /^\/bot([^/]+)\/([^/]*)$/.exec(path);
  if (!method) return sendError(reply, notFound());
  return handleMethod(deps, request, reply, url, method[1]!, method[2]!);
}

/** The Bot API over HTTP: /bot<token>/<method> (GET or POST; JSON, form or multipart) and /file/bot<token>/<path>. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, { kind: 'json', text: String(body) }));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, { kind: 'form', text: String(body) }),
  );
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 20, fields: 200, fieldSize: 10 * 1024 * 1024 } });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, { kind: 'ignored' }));
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode === 413 ? 413 : 400;
    const description = status === 413 ? 'Request Entity Too Large' : `Bad Request: ${error.message ?? 'invalid request'}`;
    return reply
      .code(status)
      .header('content-type', 'application/json')
      .send(JSON.stringify({ ok: false, error_code: status, description }));
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/*',
    handler: async (request, reply) => {
      await route(deps, request, reply);
    },
  });
  return app;
}
