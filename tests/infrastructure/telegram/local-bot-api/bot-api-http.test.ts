import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import { type ApiResponse, type LocalBotApi, type LocalUser, startLocalBotApi, type TgUpdate } from '../../../../infrastructure/telegram/local-bot-api';
import { must } from '../../../support/must';

/** Calls the stand-in the way any Bot API client could: raw HTTP, JSON unless told otherwise. */
async function call(
  standIn: LocalBotApi,
  method: string,
  body?: Record<string, unknown> | URLSearchParams | FormData,
  init: RequestInit = {},
): Promise<{ status: number; json: ApiResponse }> {
  const headers: Record<string, string> = {};
  let payload: string | URLSearchParams | FormData | undefined;
  if (body instanceof URLSearchParams || body instanceof FormData) payload = body;
  else if (body) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${standIn.apiRoot}/bot${standIn.token}/${method}`, { method: 'POST', headers, body: payload, ...init });
  return { status: response.status, json: (await response.json()) as ApiResponse };
}

const result = <T>(answer: { json: ApiResponse }): T => {
  if (!answer.json.ok) throw new Error(`Expected success, got ${answer.json.description}`);
  return answer.json.result as T;
};

describe('the Bot API stand-in over raw HTTP', () => {
  let standIn: LocalBotApi;
  let kim: LocalUser;

  beforeEach(async () => {
    standIn = await startLocalBotApi({ token: { token: '7000001:AAtest-token_for_http', username: 'tillbot_test_bot', firstName: 'Tillbot' } });
    kim = standIn.driver.createUser({ id: 424242, first_name: 'Kim', username: 'kim_k' });
  });

  afterEach(() => standIn.close());

  it('serves GET with query parameters, method names in any case, and the bot it was given', async () => {
    const response = await fetch(`${standIn.apiRoot}/bot${standIn.token}/GETME`);
    expect(await response.json()).toEqual({
      ok: true,
      result: {
        id: 7000001,
        is_bot: true,
        first_name: 'Tillbot',
        username: 'tillbot_test_bot',
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
      },
    });
    standIn.driver.userSendsText(kim, 'hi');
    const get = await fetch(`${standIn.apiRoot}/bot${standIn.token}/sendMessage?chat_id=${kim.id}&text=${encodeURIComponent('Hello from GET')}`);
    expect(await get.json()).toMatchObject({
      ok: true,
      result: { text: 'Hello from GET', chat: { id: kim.id, type: 'private', first_name: 'Kim', username: 'kim_k' } },
    });
  });

  it('reads form-urlencoded bodies with reply_markup as JSON text', async () => {
    standIn.driver.userSendsText(kim, 'hi');
    const form = new URLSearchParams({
      chat_id: String(kim.id),
      text: 'Pick one',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
    });
    const sent = result<{ reply_markup: unknown }>(await call(standIn, 'sendMessage', form));
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
    expect(await call(standIn, 'sendMessage', new URLSearchParams({ chat_id: String(kim.id), text: 'x', reply_markup: '{oops' }))).toEqual({
      status: 400,
      json: { ok: false, error_code: 400, description: "Bad Request: can't parse reply keyboard markup JSON object" },
    });
  });

  it('confirms updates by offset, honours limit, and counts a negative offset from the end', async () => {
    for (const text of ['1', '2', '3', '4']) standIn.driver.userSendsText(kim, text);
    const all = result<TgUpdate[]>(await call(standIn, 'getUpdates', { limit: 2 }));
    expect(all.map((u) => (u.message as { text: string }).text)).toEqual(['1', '2']);
    const rest = result<TgUpdate[]>(await call(standIn, 'getUpdates', { offset: must(all[1], 'a second update').update_id + 1 }));
    expect(rest.map((u) => (u.message as { text: string }).text)).toEqual(['3', '4']);
    const again = result<TgUpdate[]>(await call(standIn, 'getUpdates', { offset: 0 }));
    expect(again.map((u) => u.update_id)).toEqual(rest.map((u) => u.update_id));
    const last = result<TgUpdate[]>(await call(standIn, 'getUpdates', { offset: -1 }));
    expect(last.map((u) => (u.message as { text: string }).text)).toEqual(['4']);
    expect(result<TgUpdate[]>(await call(standIn, 'getUpdates', { offset: 0 }))).toHaveLength(1);
  });

  it('holds a long poll until an update arrives, and a second poll ends the first with 409', async () => {
    const first = call(standIn, 'getUpdates', { timeout: 30 });
    await standIn.driver.waitUntil(() => standIn.calls.count('getUpdates') === 1);
    const second = call(standIn, 'getUpdates', { timeout: 30 });
    expect(await first).toEqual({
      status: 409,
      json: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    standIn.driver.userSendsText(kim, 'wake up');
    const woken = result<TgUpdate[]>(await second);
    expect(woken.map((u) => (u.message as { text: string }).text)).toEqual(['wake up']);
  });

  it('holds a repeated zero-timeout poll, as Telegram does, so a client that forgot the timeout cannot spin', async () => {
    expect(result<TgUpdate[]>(await call(standIn, 'getUpdates', { offset: 0, timeout: 0 }))).toEqual([]);
    let answered = false;
    const repeated = call(standIn, 'getUpdates', { offset: 0, timeout: 0 }).then((answer) => {
      answered = true;
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    standIn.driver.userSendsText(kim, 'now');
    expect(result<TgUpdate[]>(await repeated).map((u) => (u.message as { text: string }).text)).toEqual(['now']);
  });

  it('drops updates of types the bot did not ask for', async () => {
    result(await call(standIn, 'getUpdates', { allowed_updates: ['callback_query'] }));
    standIn.driver.userSendsText(kim, 'ignored');
    expect(result<TgUpdate[]>(await call(standIn, 'getUpdates', {}))).toEqual([]);
    result(await call(standIn, 'getUpdates', { allowed_updates: [] }));
    standIn.driver.userSendsText(kim, 'seen');
    expect(result<TgUpdate[]>(await call(standIn, 'getUpdates', {})).map((u) => Object.keys(u))).toEqual([['update_id', 'message']]);
  });

  it('says whether the webhook was set or deleted, and refuses a bad URL', async () => {
    const set = await call(standIn, 'setWebhook', { url: 'http://127.0.0.1:9/hook' });
    expect(set.json).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect((await call(standIn, 'deleteWebhook', {})).json).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    expect((await call(standIn, 'deleteWebhook', {})).json).toEqual({ ok: true, result: true, description: 'Webhook is already deleted' });
    expect((await call(standIn, 'setWebhook', { url: 'http://[::1' })).json).toMatchObject({ ok: false, error_code: expect.any(Number) });
  });

  it('takes a multipart document, names its type by extension, and serves it back', async () => {
    standIn.driver.userSendsText(kim, 'hi');
    const form = new FormData();
    form.set('chat_id', String(kim.id));
    form.set('caption', 'Your <b>keys</b>');
    form.set('parse_mode', 'HTML');
    form.set('document', new Blob(['K-1\nK-2\n']), 'keys.txt');
    const message = result<{
      document: { file_id: string; file_name: string; mime_type: string; file_size: number };
      caption: string;
      caption_entities: unknown;
    }>(await call(standIn, 'sendDocument', form));
    expect(message).toMatchObject({
      caption: 'Your keys',
      caption_entities: [{ type: 'bold', offset: 5, length: 4 }],
      document: { file_name: 'keys.txt', mime_type: 'text/plain', file_size: 8 },
    });
    const file = result<{ file_path: string }>(await call(standIn, 'getFile', { file_id: message.document.file_id }));
    expect(file.file_path).toMatch(/^documents\/file_\d+\.txt$/);
    expect(await (await fetch(`${standIn.apiRoot}/file/bot${standIn.token}/${file.file_path}`)).text()).toBe('K-1\nK-2\n');
    expect((await fetch(`${standIn.apiRoot}/file/bot${standIn.token}/documents/nope.txt`)).status).toBe(404);
    expect((await call(standIn, 'getFile', { file_id: 'BQACnope' })).json).toEqual({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
  });

  it('sends photos by upload, by file_id and by URL, and refuses what is not a photo', async () => {
    standIn.driver.userSendsText(kim, 'hi');
    const png = await QRCode.toBuffer('hello', { type: 'png' });
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const form = new FormData();
      form.set('chat_id', String(kim.id));
      form.set('photo', new Blob([png]), 'qr.png');
      const uploaded = result<{ photo: Array<{ file_id: string; width: number; height: number }> }>(await call(standIn, 'sendPhoto', form));
      expect(uploaded.photo).toHaveLength(1);
      const size = must(uploaded.photo[0], 'the uploaded photo size');
      expect(size.width).toBeGreaterThan(0);
      const byId = result<{ photo: Array<{ file_id: string }> }>(await call(standIn, 'sendPhoto', { chat_id: kim.id, photo: size.file_id }));
      expect(byId.photo[0]?.file_id).toBe(size.file_id);
      const byUrl = result<{ message_id: number; photo: Array<{ file_id: string }> }>(
        await call(standIn, 'sendPhoto', { chat_id: kim.id, photo: `http://127.0.0.1:${(server.address() as AddressInfo).port}/qr.png` }),
      );
      expect(must(byUrl.photo[0], 'the photo sent by URL').file_id).not.toBe(size.file_id);
      const fetched = standIn.driver.message(kim.id, byUrl.message_id);
      expect(fetched && standIn.driver.downloadPhoto(fetched)).toEqual(png);

      const notImage = new FormData();
      notImage.set('chat_id', String(kim.id));
      notImage.set('photo', new Blob(['plain text']), 'x.png');
      expect((await call(standIn, 'sendPhoto', notImage)).json).toEqual({ ok: false, error_code: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
      expect((await call(standIn, 'sendPhoto', { chat_id: kim.id, photo: 'AgACunknown' })).json).toEqual({
        ok: false,
        error_code: 400,
        description: 'Bad Request: wrong file identifier/HTTP URL specified',
      });
      expect((await call(standIn, 'sendPhoto', { chat_id: kim.id })).json).toEqual({
        ok: false,
        error_code: 400,
        description: 'Bad Request: there is no photo in the request',
      });
      const doc = standIn.driver.userSendsDocument(kim, 'a.txt', 'a');
      expect((await call(standIn, 'sendPhoto', { chat_id: kim.id, photo: doc.document?.file_id })).json).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: can't use file of type Document as Photo",
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('records every call with its parameters and answer', async () => {
    await call(standIn, 'sendMessage', { chat_id: kim.id, text: 'nobody home' });
    await call(standIn, 'getMe');
    expect(standIn.calls.all().map((c) => ({ method: c.method, params: c.params, status: c.httpStatus }))).toEqual([
      { method: 'sendMessage', params: { chat_id: kim.id, text: 'nobody home' }, status: 400 },
      { method: 'getMe', params: {}, status: 200 },
    ]);
    expect(standIn.calls.byMethod('sendMessage')[0]?.response).toEqual({ ok: false, error_code: 400, description: 'Bad Request: chat not found' });
  });
});
