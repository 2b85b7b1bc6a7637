import type { FastifyRequest } from 'fastify';
import { badRequest, BotApiError } from './bot-api-error';
import { emptyParams, isRecord, type RequestParams } from './request-params';

/** What the content-type parsers leave in request.body; multipart bodies are read from the request itself. */
export type RawBody = { kind: 'json'; text: string } | { kind: 'form'; text: string } | { kind: 'ignored' };

const isRawBody = (body: unknown): body is RawBody => isRecord(body) && typeof body.kind === 'string';

async function readMultipart(request: FastifyRequest, params: RequestParams): Promise<void> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        params.files.set(part.fieldname, { field: part.fieldname, filename: part.filename, mimeType: part.mimetype, bytes });
      } else {
        params.values[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new BotApiError(413, 'Request Entity Too Large');
    }
    throw badRequest('invalid multipart body');
  }
}

/** Query string first, then the body on top, whatever its encoding, as the Bot API server merges them. */
export async function readRequestParams(request: FastifyRequest, url: URL): Promise<RequestParams> {
  const params = emptyParams();
  for (const [name, value] of url.searchParams) params.values[name] = value;
  if (request.isMultipart()) {
    await readMultipart(request, params);
    return params;
  }
  const body: unknown = request.body;
  if (!isRawBody(body)) return params;
  if (body.kind === 'form') {
    for (const [name, value] of new URLSearchParams(body.text)) params.values[name] = value;
  } else if (body.kind === 'json' && body.text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      throw badRequest("can't parse JSON object");
    }
    // A JSON body that is not an object carries no parameters (setMyCommands with a bare array sets no commands).
    if (isRecord(parsed)) Object.assign(params.values, parsed);
  }
  return params;
}
