// The chat page's API over a real local Bot API, with the test playing the bot through the Bot API itself (raw
// HTTP, as any bot would): what a person does on the page reaches the bot as a Telegram update, and what the bot
// does reaches the page's event stream.
import Fastify, { type FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { type LocalBotApi, startLocalBotApi, type TgUpdate } from '../../../../infrastructure/telegram/local-bot-api';
import { ChatPeople } from '../../../../infrastructure/telegram/local-chat/chat-people';
import { chatRoutes } from '../../../../infrastructure/telegram/local-chat/chat-routes';
import { ACTION, chatPost, EventReader, messageOf, say } from '../../../chat/support/chat-client';
import { must } from '../../../support/must';

let local: LocalBotApi;
let app: FastifyInstance;
let base: string;
let offset = 0;
const [shopper, admin, seller] = ChatPeople.builtIn().map((p) => p.id) as [number, number, number];

async function asBot(method: string, body: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${local.apiRoot}/bot${local.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok: boolean; result?: unknown; description?: string };
  if (!answer.ok) throw new Error(`${method}: ${answer.description}`);
  return answer.result;
}

async function asBotUpload(method: string, field: string, name: string, bytes: Buffer, fields: Record<string, string>): Promise<unknown> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append(field, new Blob([bytes]), name);
  const response = await fetch(`${local.apiRoot}/bot${local.token}/${method}`, { method: 'POST', body: form });
  const answer = (await response.json()) as { ok: boolean; result?: unknown; description?: string };
  if (!answer.ok) throw new Error(`${method}: ${answer.description}`);
  return answer.result;
}

/** The next update the bot receives (long polling, as a bot does). */
async function nextUpdate(): Promise<TgUpdate> {
  const updates = (await asBot('getUpdates', { offset, timeout: 10 })) as TgUpdate[];
  const update = must(updates[0], 'an update for the bot');
  offset = update.update_id + 1;
  return update;
}

const history = async (personId: number) =>
  (await (await fetch(`${base}/chat/api/people/${personId}/history`)).json()) as {
    messages: Array<{ id: number; from: string; text?: string; document?: { url: string; name: string }; photo?: { url: string; qrLink: string | null } }>;
    commands: Array<{ command: string; description: string }>;
  };

beforeAll(async () => {
  local = await startLocalBotApi({ driverHttp: false });
  app = Fastify();
  await app.register(chatRoutes({ driver: local.driver, people: new ChatPeople() }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app.close();
  await local.close();
});

describe('the chat page over the local Bot API', () => {
  it('serves the page and its files, and nothing outside its folder', async () => {
    const page = await fetch(`${base}/chat`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<script type="module" src="/chat/assets/chat.js">');
    const script = await fetch(`${base}/chat/assets/chat.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/chat/assets/..%2Fchat-routes.ts`)).status).toBe(404);
    expect((await fetch(`${base}/chat/assets/%2e%2e/chat-routes.ts`)).status).toBe(404);
  });

  it('refuses actions without the page header, and nothing reaches the bot', async () => {
    const response = await chatPost(base, `/people/${admin}/messages`, { text: '/broadcast hi' }, {});
    expect(response.status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob(['A1']), 'codes.txt');
    expect((await fetch(`${base}/chat/api/people/${admin}/documents`, { method: 'POST', body: form })).status).toBe(403);
    expect(local.driver.history(admin)).toEqual([]);
  });

  it("turns a person's text, presses and the bot's answers into updates and live events", async () => {
    const events = new EventReader(`${base}/chat/api/events`);
    try {
      const snapshot = await events.next('snapshot');
      expect((snapshot.people as Array<{ name: string }>).map((p) => p.name)).toEqual(['Shopper', 'Admin', 'Seller']);

      await say(base, shopper, '/start p_12');
      const update = await nextUpdate();
      expect(update.message).toMatchObject({
        text: '/start p_12',
        from: { id: shopper, first_name: 'Shopper', language_code: 'en', is_bot: false },
        chat: { id: shopper, type: 'private' },
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      });
      await events.next('message', (d) => d.personId === shopper && messageOf(d).from === 'person');

      const sent = (await asBot('sendMessage', {
        chat_id: shopper,
        text: 'Welcome!',
        reply_markup: { inline_keyboard: [[{ text: 'Catalog', callback_data: 'catalog:1' }]] },
      })) as { message_id: number };
      const shown = messageOf(await events.next('message', (d) => d.personId === shopper && messageOf(d).from === 'bot'));
      expect(shown).toMatchObject({ id: sent.message_id, text: 'Welcome!', version: 0, buttons: [[{ text: 'Catalog', data: 'catalog:1' }]] });

      const pressed = await chatPost(base, `/people/${shopper}/presses`, { messageId: sent.message_id, data: 'catalog:1' });
      expect(pressed.status).toBe(201);
      const { queryId } = (await pressed.json()) as { queryId: string };
      const press = await nextUpdate();
      expect(press.callback_query).toMatchObject({ id: queryId, data: 'catalog:1', from: { id: shopper }, message: { message_id: sent.message_id } });

      await asBot('answerCallbackQuery', { callback_query_id: queryId, text: 'Not paid yet', show_alert: true });
      expect(await events.next('answer', (d) => d.queryId === queryId)).toMatchObject({ personId: shopper, text: 'Not paid yet', showAlert: true });

      await asBot('editMessageText', { chat_id: shopper, message_id: sent.message_id, text: 'Catalog — page 1' });
      const edited = messageOf(await events.next('edited', (d) => messageOf(d).id === sent.message_id));
      expect(edited).toMatchObject({ text: 'Catalog — page 1', version: 1 });
      expect(edited.buttons).toBeUndefined();

      await asBot('sendChatAction', { chat_id: shopper, action: 'typing' });
      expect(await events.next('action')).toEqual({ personId: shopper, action: 'typing' });

      await asBot('deleteMessage', { chat_id: shopper, message_id: sent.message_id });
      expect(await events.next('deleted')).toEqual({ personId: shopper, messageId: sent.message_id });
      expect((await history(shopper)).messages.map((m) => m.text)).toEqual(['/start p_12']);

      await asBot('sendMessage', {
        chat_id: shopper,
        text: 'Pick one',
        reply_markup: { keyboard: [['Yes', 'No'], [{ text: 'Later' }]], one_time_keyboard: true },
      });
      expect(await events.next('keyboard')).toEqual({ personId: shopper, keyboard: { rows: [['Yes', 'No'], ['Later']], oneTime: true } });
    } finally {
      events.close();
    }
  });

  it('carries files both ways and offers the link of a QR code photo', async () => {
    await say(base, admin, '/start');
    await nextUpdate();
    const form = new FormData();
    form.append('caption', '3');
    form.append('file', new Blob(['CODE-1\nCODE-2\n']), 'codes.txt');
    const uploaded = await fetch(`${base}/chat/api/people/${admin}/documents`, { method: 'POST', headers: ACTION, body: form });
    expect(uploaded.status).toBe(201);
    const update = await nextUpdate();
    expect(update.message).toMatchObject({ caption: '3', document: { file_name: 'codes.txt', mime_type: 'text/plain', file_size: 14 } });
    const fileId = (update.message as { document: { file_id: string } }).document.file_id;
    const file = (await asBot('getFile', { file_id: fileId })) as { file_path: string };
    expect(await (await fetch(`${local.apiRoot}/file/bot${local.token}/${file.file_path}`)).text()).toBe('CODE-1\nCODE-2\n');

    // A picture "as photo" arrives as a photo (a support ticket's screenshot); anything else stays a document.
    const picture = await QRCode.toBuffer('support screenshot', { type: 'png' });
    const asPhoto = new FormData();
    asPhoto.append('caption', 'broken mug');
    asPhoto.append('as', 'photo');
    asPhoto.append('file', new Blob([picture]), 'mug.png');
    expect((await fetch(`${base}/chat/api/people/${admin}/documents`, { method: 'POST', headers: ACTION, body: asPhoto })).status).toBe(201);
    const photoUpdate = await nextUpdate();
    expect(photoUpdate.message).toMatchObject({ caption: 'broken mug', photo: [expect.objectContaining({ file_size: picture.length })] });
    expect(photoUpdate.message).not.toHaveProperty('document');

    await asBotUpload('sendDocument', 'document', 'report <1>.html', Buffer.from('<script>alert(1)</script>'), { chat_id: String(admin) });
    const doc = must(
      (await history(admin)).messages.find((m) => m.from === 'bot' && m.document),
      "the bot's document in the chat",
    );
    const download = await fetch(`${base}${must(doc.document, 'its file').url}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="report <1>.html"/);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(await download.text()).toBe('<script>alert(1)</script>');

    const qr = await QRCode.toBuffer('http://127.0.0.1:9/pay/abc', { type: 'png' });
    await asBotUpload('sendPhoto', 'photo', 'qr.png', qr, { chat_id: String(admin), caption: 'Scan to pay' });
    const photo = must(
      (await history(admin)).messages.find((m) => m.from === 'bot' && m.photo),
      'the photo in the chat',
    );
    expect(photo).toMatchObject({ text: 'Scan to pay', photo: { qrLink: 'http://127.0.0.1:9/pay/abc' } });
    const image = await fetch(`${base}${must(photo.photo, 'its file').url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(qr)).toBe(true);
  });

  it('shows each person the commands menu of their language, and speaks that language to the bot', async () => {
    await asBot('setMyCommands', { commands: [{ command: 'catalog', description: 'Browse products' }] });
    await asBot('setMyCommands', { commands: [{ command: 'catalog', description: '浏览商品' }], language_code: 'zh' });
    expect((await history(seller)).commands).toEqual([{ command: 'catalog', description: '浏览商品' }]);
    expect((await history(shopper)).commands).toEqual([{ command: 'catalog', description: 'Browse products' }]);
    // A chat's own menu wins over the default one, whatever the language.
    await asBot('setMyCommands', { commands: [{ command: 'stats', description: 'Sales' }], scope: { type: 'chat', chat_id: admin } });
    expect((await history(admin)).commands).toEqual([{ command: 'stats', description: 'Sales' }]);

    const events = new EventReader(`${base}/chat/api/events`);
    try {
      await events.next('snapshot');
      const changed = await fetch(`${base}/chat/api/people/${shopper}`, {
        method: 'PATCH',
        headers: { ...ACTION, 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'ru' }),
      });
      expect(changed.status).toBe(200);
      const people = await events.next('people');
      expect((people.people as Array<{ id: number; language: string }>).find((p) => p.id === shopper)?.language).toBe('ru');
      // No Russian menu was set: the default one applies.
      expect((people.commands as Record<string, unknown>)[String(shopper)]).toEqual([{ command: 'catalog', description: 'Browse products' }]);
    } finally {
      events.close();
    }
    await say(base, shopper, 'привет');
    expect((await nextUpdate()).message).toMatchObject({ text: 'привет', from: { id: shopper, language_code: 'ru' } });
  });

  it('adds a person, and refuses what a Telegram client could not send', async () => {
    const added = await chatPost(base, '/people', { name: 'Dana', language: 'zh' });
    expect(added.status).toBe(201);
    const dana = (await added.json()) as { id: number; name: string; language: string; role: string };
    expect(dana).toMatchObject({ name: 'Dana', language: 'zh', role: 'guest' });
    await say(base, dana.id, 'hi');
    expect((await nextUpdate()).message).toMatchObject({ from: { id: dana.id, first_name: 'Dana', language_code: 'zh' } });

    expect((await chatPost(base, '/people', { name: '   ' })).status).toBe(400);
    expect((await chatPost(base, '/people', { name: 'Eve', language: 'fr' })).status).toBe(400);
    expect((await chatPost(base, '/people/123/messages', { text: 'hi' })).status).toBe(404);
    expect((await chatPost(base, `/people/${dana.id}/messages`, { text: '' })).status).toBe(400);
    expect((await chatPost(base, `/people/${dana.id}/messages`, { text: 'x'.repeat(4097) })).status).toBe(400);
    const wrongButton = await chatPost(base, `/people/${dana.id}/presses`, { messageId: 1, data: 'nope' });
    expect(wrongButton.status).toBe(400);
    expect(((await wrongButton.json()) as { error: { message: string } }).error.message).toMatch(/no button/);
    expect((await fetch(`${base}/chat/api/files/nope`)).status).toBe(404);
  });
});
