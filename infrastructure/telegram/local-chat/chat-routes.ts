import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatEvent, TgBotCommand, UserDriver } from '../local-bot-api';
import { sniffImage } from '../local-bot-api';
import { asTelegramUser, CHAT_LANGUAGES, type ChatPeople, type ChatPerson, isChatLanguage } from './chat-people';
import { FILES_PATH, type MessageView, messageView, replyKeyboardView } from './chat-views';
import { openEventStream } from './event-stream';
import { QrLinks } from './qr-links';
import { chatPageFolder } from './static-files';

/**
 * Every request that makes a person act carries this header. A page on another site cannot add it without a CORS
 * preflight, which this server never grants, so no other site can make the Admin type /broadcast.
 */
export const CHAT_ACTION_HEADER = 'x-tillbot-chat';
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A person's text as a Telegram client takes it. */
const MAX_TEXT = 4096;
const QUIET = { logLevel: 'warn' } as const;

export interface ChatRoutesDeps {
  driver: UserDriver;
  people: ChatPeople;
}

interface ChatView {
  messages: MessageView[];
  replyKeyboard: ReturnType<typeof replyKeyboardView>;
  commands: TgBotCommand[];
}

const fail = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply => reply.code(status).send({ error: { code, message } });

/**
 * The chat page at /chat and its own small API under /chat/api: the user side of the local Bot API, for people
 * the page lists. Registered only while the embedded shop runs its local Bot API (no TELEGRAM_BOT_TOKEN).
 */
export function chatRoutes(deps: ChatRoutesDeps): (app: FastifyInstance) => Promise<void> {
  const { driver, people } = deps;
  const qr = new QrLinks();
  const streams = new Set<() => void>();

  const chatView = (person: ChatPerson): ChatView => ({
    messages: driver
      .history(person.id)
      .filter((m) => !m.deleted)
      .map((m) => messageView(m, driver, qr)),
    replyKeyboard: replyKeyboardView(driver.replyKeyboard(person.id)),
    commands: driver.commandsFor(person.id, person.language),
  });
  const snapshot = () => {
    const everyone = people.all();
    return {
      bot: { name: driver.botInfo.first_name, username: driver.botInfo.username ?? '' },
      languages: CHAT_LANGUAGES,
      people: everyone,
      chats: Object.fromEntries(everyone.map((p) => [p.id, chatView(p)])),
    };
  };
  const commandsOfEveryone = () => Object.fromEntries(people.all().map((p) => [p.id, driver.commandsFor(p.id, p.language)]));

  /** The person named in the path, or a 404 already sent. */
  const personOf = (request: FastifyRequest, reply: FastifyReply): ChatPerson | undefined => {
    const id = Number((request.params as { id: string }).id);
    const person = Number.isSafeInteger(id) ? people.get(id) : undefined;
    if (!person) void fail(reply, 404, 'NOT_FOUND', 'no such person on this chat page');
    return person;
  };
  /** Runs what the person does; what the local Bot API refuses (no such button, an empty text) is a 400 already sent. */
  const attempt = <T>(reply: FastifyReply, act: () => T): { done: true; value: T } | { done: false } => {
    try {
      return { done: true, value: act() };
    } catch (e) {
      void fail(reply, 400, 'VALIDATION_FAILED', e instanceof Error ? e.message : String(e));
      return { done: false };
    }
  };

  return async (app) => {
    await app.register(fastifyStatic, { root: chatPageFolder(), prefix: '/chat/assets/', index: false, wildcard: false, logLevel: 'warn' });
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[CHAT_ACTION_HEADER] !== '1') {
        return fail(reply, 403, 'FORBIDDEN', `the chat page's actions carry the ${CHAT_ACTION_HEADER} header`);
      }
    });
    app.addHook('onClose', async () => {
      for (const close of [...streams]) close();
    });

    const page = (_request: FastifyRequest, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
    app.get('/chat', QUIET, page);
    app.get('/chat/', QUIET, page);

    app.get('/chat/api/state', QUIET, async () => snapshot());

    app.get('/chat/api/people/:id/history', QUIET, async (request, reply) => {
      const person = personOf(request, reply);
      return person ? chatView(person) : reply;
    });

    app.post(
      '/chat/api/people',
      {
        ...QUIET,
        schema: {
          body: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: { type: 'string', minLength: 1, maxLength: 64, pattern: '\\S' }, language: { enum: [...CHAT_LANGUAGES] } },
          },
        },
      },
      async (request, reply) => {
        const { name, language } = request.body as { name: string; language?: string };
        const added = attempt(reply, () => people.add(name.trim(), isChatLanguage(language) ? language : 'en'));
        if (!added.done) return reply;
        broadcastPeople();
        return reply.code(201).send(added.value);
      },
    );

    app.patch(
      '/chat/api/people/:id',
      {
        ...QUIET,
        schema: { body: { type: 'object', required: ['language'], additionalProperties: false, properties: { language: { enum: [...CHAT_LANGUAGES] } } } },
      },
      async (request, reply) => {
        const person = personOf(request, reply);
        if (!person) return reply;
        const updated = people.setLanguage(person.id, (request.body as { language: ChatPerson['language'] }).language);
        broadcastPeople();
        return updated;
      },
    );

    app.post(
      '/chat/api/people/:id/messages',
      {
        ...QUIET,
        schema: {
          body: {
            type: 'object',
            required: ['text'],
            additionalProperties: false,
            properties: { text: { type: 'string', minLength: 1, maxLength: MAX_TEXT } },
          },
        },
      },
      async (request, reply) => {
        const person = personOf(request, reply);
        if (!person) return reply;
        const { text } = request.body as { text: string };
        const sent = attempt(reply, () => driver.userSendsText(asTelegramUser(person), text));
        return sent.done ? reply.code(201).send({ id: sent.value.message_id }) : reply;
      },
    );

    app.post(
      '/chat/api/people/:id/presses',
      {
        ...QUIET,
        schema: {
          body: {
            type: 'object',
            required: ['messageId', 'data'],
            additionalProperties: false,
            properties: { messageId: { type: 'integer', minimum: 1 }, data: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
      },
      async (request, reply) => {
        const person = personOf(request, reply);
        if (!person) return reply;
        const { messageId, data } = request.body as { messageId: number; data: string };
        const pressed = attempt(reply, () => driver.userPressesButton(asTelegramUser(person), messageId, data));
        return pressed.done ? reply.code(201).send({ queryId: pressed.value }) : reply;
      },
    );

    // Pay on an invoice: answered once Telegram's side is done (the bot said yes and the stars moved, it said no, or
    // its 10 s ran out), so the page can tell the person.
    app.post(
      '/chat/api/people/:id/invoices/:messageId/pay',
      { ...QUIET, schema: { params: { type: 'object', properties: { id: { type: 'string' }, messageId: { type: 'integer', minimum: 1 } } } } },
      async (request, reply) => {
        const person = personOf(request, reply);
        if (!person) return reply;
        const { messageId } = request.params as { messageId: number };
        const paying = attempt(reply, () => driver.userPaysInvoice(asTelegramUser(person), messageId));
        if (!paying.done) return reply;
        return reply.code(201).send(await paying.value);
      },
    );

    app.post('/chat/api/people/:id/documents', QUIET, async (request, reply) => {
      const person = personOf(request, reply);
      if (!person) return reply;
      if (!request.isMultipart()) return fail(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data (field "file")');
      const part = await request.file();
      if (!part) return fail(reply, 400, 'VALIDATION_FAILED', 'no file in the request (field "file")');
      const bytes = await part.toBuffer();
      if (part.file.truncated) return fail(reply, 413, 'BODY_TOO_LARGE', `files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
      if (bytes.length === 0) return fail(reply, 400, 'VALIDATION_FAILED', 'the file is empty');
      const field = part.fields.caption;
      const caption = field && !Array.isArray(field) && field.type === 'field' ? String(field.value).trim() : '';
      const name = part.filename || 'file';
      // "Send as photo" (the page's default for an image), as a Telegram client compresses a picture into a photo.
      const as = part.fields.as;
      const asPhoto = as !== undefined && !Array.isArray(as) && as.type === 'field' && String(as.value) === 'photo' && sniffImage(bytes) !== undefined;
      const options = caption ? { caption } : {};
      const sent = attempt(reply, () =>
        asPhoto ? driver.userSendsPhoto(asTelegramUser(person), bytes, options) : driver.userSendsDocument(asTelegramUser(person), name, bytes, options),
      );
      return sent.done ? reply.code(201).send({ id: sent.value.message_id }) : reply;
    });

    app.get(`${FILES_PATH}/:fileId`, QUIET, async (request, reply) => {
      const file = driver.file((request.params as { fileId: string }).fileId);
      if (!file) return fail(reply, 404, 'NOT_FOUND', 'no such file in these chats');
      reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600');
      // Photos show inline; any other file is a download, so an uploaded HTML file never runs as this site's page.
      if (file.kind === 'photo' && file.mimeType.startsWith('image/')) return reply.type(file.mimeType).send(file.bytes);
      const name = file.fileName ?? 'file';
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file.bytes);
    });

    const peopleListeners = new Set<() => void>();
    function broadcastPeople(): void {
      for (const listener of [...peopleListeners]) listener();
    }

    app.get('/chat/api/events', QUIET, (request, reply) => {
      const stream = openEventStream(request, reply);
      stream.send('snapshot', snapshot());
      const forward = (event: ChatEvent): void => {
        switch (event.kind) {
          case 'message':
          case 'edited':
            return stream.send(event.kind, { personId: event.chatId, message: messageView(event.stored, driver, qr) });
          case 'deleted':
            return stream.send('deleted', { personId: event.chatId, messageId: event.messageId });
          case 'callbackAnswered':
            return stream.send('answer', {
              personId: event.chatId,
              queryId: event.queryId,
              text: event.answer.text ?? '',
              showAlert: event.answer.show_alert,
              url: event.answer.url ?? null,
            });
          case 'chatAction':
            return stream.send('action', { personId: event.chatId, action: event.action });
          case 'replyKeyboard':
            return stream.send('keyboard', { personId: event.chatId, keyboard: replyKeyboardView(event.keyboard) });
          case 'commands':
            return stream.send('commands', { commands: commandsOfEveryone() });
          case 'stars': {
            // The invoice bubbles of that payment are drawn again (paid, refunded), and the person is told.
            for (const stored of driver.history(event.chatId)) {
              if (stored.message.invoice && driver.invoiceState(event.chatId, stored.message.message_id)?.payload === event.payload)
                stream.send('edited', { personId: event.chatId, message: messageView(stored, driver, qr) });
            }
            return stream.send('stars', { personId: event.chatId, event: event.event, detail: event.detail ?? '' });
          }
        }
      };
      const onPeople = (): void => {
        stream.send('people', { people: people.all(), commands: commandsOfEveryone() });
      };
      const unsubscribe = driver.onChatEvent(forward);
      peopleListeners.add(onPeople);
      const close = (): void => stream.close();
      streams.add(close);
      stream.onClose(() => {
        unsubscribe();
        peopleListeners.delete(onPeople);
        streams.delete(close);
      });
    });
  };
}
