import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CallLog } from '../call-log';
import type { LocalUser } from '../chat-state';
import { isRecord } from '../request-params';
import type { UserDriver } from './user-driver';

// The user-side driver over HTTP, for demos where no test process holds the local Bot API: play a user with
// curl while a real bot runs against the local Bot API. Telegram has no such paths; they live under /__local/.
//
//   POST /__local/send-text      {"user":{"id":1,"first_name":"Ann"},"text":"/start"}
//   POST /__local/press-button   {"user":{...},"message_id":3,"callback_data":"p:1"}
//   POST /__local/send-document  {"user":{...},"file_name":"codes.txt","text":"A1\nB2"}
//   GET  /__local/chats/<chat id>
//   GET  /__local/calls
// An optional "token" (JSON) or ?token= picks the bot when the local Bot API serves several.

export const DRIVER_HTTP_PREFIX = '/__local/';

function readUser(value: unknown): LocalUser {
  if (!isRecord(value) || typeof value.id !== 'number' || typeof value.first_name !== 'string') {
    throw new Error('"user" must be an object with a numeric "id" and a "first_name"');
  }
  const user: LocalUser = { id: value.id, first_name: value.first_name };
  if (typeof value.last_name === 'string') user.last_name = value.last_name;
  if (typeof value.username === 'string') user.username = value.username;
  if (typeof value.language_code === 'string') user.language_code = value.language_code;
  return user;
}

function readBody(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  if (!isRecord(body) || body.kind !== 'json' || typeof body.text !== 'string') return {};
  const parsed: unknown = JSON.parse(body.text);
  return isRecord(parsed) ? parsed : {};
}

function act(driver: UserDriver, action: string, body: Record<string, unknown>, path: string, calls: CallLog): unknown {
  const chat = /^chats\/(-?\d+)$/.exec(action);
  if (chat) return driver.history(Number(chat[1]));
  if (action === 'calls') return calls.all();
  const user = readUser(body.user);
  if (action === 'send-text') return driver.userSendsText(user, String(body.text ?? ''));
  if (action === 'press-button') return { callback_query_id: driver.userPressesButton(user, Number(body.message_id), String(body.callback_data ?? '')) };
  if (action === 'send-document') {
    const contents = typeof body.base64 === 'string' ? Buffer.from(body.base64, 'base64') : String(body.text ?? '');
    return driver.userSendsDocument(user, String(body.file_name ?? 'file.txt'), contents);
  }
  throw new Error(`Unknown driver action: ${path}`);
}

/** Handles a /__local/ request; returns false for any other path. */
export function driverRoutes(driverFor: (token: string | undefined) => UserDriver, calls: CallLog) {
  return async (request: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> => {
    if (!path.startsWith(DRIVER_HTTP_PREFIX)) return false;
    try {
      const body = readBody(request);
      const token = typeof body.token === 'string' ? body.token : (new URL(request.url, 'http://x').searchParams.get('token') ?? undefined);
      const result = act(driverFor(token), path.slice(DRIVER_HTTP_PREFIX.length), body, path, calls);
      void reply
        .code(200)
        .header('content-type', 'application/json')
        .send(JSON.stringify({ ok: true, result }));
    } catch (error) {
      const description = error instanceof Error ? error.message : String(error);
      void reply
        .code(400)
        .header('content-type', 'application/json')
        .send(JSON.stringify({ ok: false, description }));
    }
    return true;
  };
}
