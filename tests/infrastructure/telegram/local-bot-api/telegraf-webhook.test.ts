import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf } from 'telegraf';
import { type LocalBotApi, startLocalBotApi } from '../../../../infrastructure/telegram/local-bot-api';
import { apiError, sleep, telegrafFor } from './telegraf-harness';

const SECRET = 'tillbot_Webhook-secret_42';
const PATH = '/telegram/hook';

/** A local HTTP server in front of telegraf's webhook callback that remembers what reached it. */
async function webhookServer(
  bot: Telegraf,
  secretToken: string,
): Promise<{ url: string; server: Server; seen: IncomingHttpHeaders[]; failNext: { count: number } }> {
  const seen: IncomingHttpHeaders[] = [];
  const failNext = { count: 0 };
  const callback = bot.webhookCallback(PATH, { secretToken });
  const server = createServer((req, res) => {
    seen.push(req.headers);
    if (failNext.count > 0) {
      failNext.count--;
      res.writeHead(500).end();
      return;
    }
    void callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`, server, seen, failNext };
}

const closeServer = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('the Bot API stand-in delivering updates to a telegraf webhook', () => {
  let standIn: LocalBotApi;
  let bot: Telegraf;
  let hook: Awaited<ReturnType<typeof webhookServer>>;
  const handled: string[] = [];

  beforeAll(async () => {
    standIn = await startLocalBotApi({ webhook: { retryDelaysMs: [50, 100] } });
    bot = telegrafFor(standIn);
    bot.start((ctx) => ctx.reply('Welcome via webhook', Markup.inlineKeyboard([Markup.button.callback('Orders', 'orders')])));
    bot.on('text', async (ctx) => {
      handled.push(ctx.message.text);
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    hook = await webhookServer(bot, SECRET);
    await bot.telegram.setWebhook(hook.url, { secret_token: SECRET });
  });

  afterAll(async () => {
    await standIn.close();
    await closeServer(hook.server);
  });

  it('posts each update with the secret header and the bot answers through the API', async () => {
    const { driver } = standIn;
    const carol = driver.createUser({ first_name: 'Carol' });
    driver.userStartsBot(carol);
    const welcome = await driver.waitForMessage(carol.id);
    expect(welcome.text).toBe('Welcome via webhook');
    expect(hook.seen.at(-1)?.['x-telegram-bot-api-secret-token']).toBe(SECRET);
    expect(hook.seen.at(-1)?.['content-type']).toBe('application/json');
    expect(await bot.telegram.getWebhookInfo()).toMatchObject({ url: hook.url, pending_update_count: 0, has_custom_certificate: false });
  });

  it('has telegraf reject a request that carries a wrong secret', async () => {
    const forged = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'not-the-secret' },
      body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/start' } }),
    });
    expect(forged.status).toBe(403);
  });

  it('retries a failing webhook, keeps the order, and reports the last error', async () => {
    const { driver } = standIn;
    const dan = driver.createUser({ first_name: 'Dan' });
    hook.failNext.count = 2;
    for (const text of ['one', 'two', 'three']) driver.userSendsText(dan, text);
    await driver.waitForMessages(dan.id, 3);
    expect(handled.slice(-3)).toEqual(['one', 'two', 'three']);
    expect(
      driver
        .messages(dan.id)
        .filter((m) => m.from?.is_bot)
        .map((m) => m.text),
    ).toEqual(['echo: one', 'echo: two', 'echo: three']);
    // The last update stays pending until telegraf's answer to the webhook request is in.
    await driver.waitUntil(() => standIn.calls.byMethod('sendMessage').length >= 4 && hook.seen.length >= 6, 5000, 'all deliveries');
    let info = await bot.telegram.getWebhookInfo();
    for (let i = 0; i < 50 && info.pending_update_count > 0; i++) {
      await sleep(20);
      info = await bot.telegram.getWebhookInfo();
    }
    expect(info.last_error_message).toBe('Wrong response from the webhook: 500 Internal Server Error');
    expect(info.pending_update_count).toBe(0);
  });

  it('refuses getUpdates while the webhook is set, and a malformed secret token', async () => {
    expect(await apiError(bot.telegram.getUpdates(0, 100, 0, undefined))).toEqual({
      code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await sleep(1100);
    expect(await apiError(bot.telegram.setWebhook(hook.url, { secret_token: 'has spaces' }))).toEqual({
      code: 400,
      description: 'Bad Request: secret token contains unallowed characters',
    });
  });

  it('queues updates while the webhook rejects the secret, and delivers them once it matches', async () => {
    const { driver } = standIn;
    await sleep(1100);
    await bot.telegram.setWebhook(hook.url, { secret_token: 'a_different_secret' });
    const erin = driver.createUser({ first_name: 'Erin' });
    driver.userSendsText(erin, 'are you there?');
    await driver.waitUntil(
      () => hook.seen.some((h) => h['x-telegram-bot-api-secret-token'] === 'a_different_secret'),
      5000,
      'a delivery with the wrong secret',
    );
    const info = await bot.telegram.getWebhookInfo();
    expect(info.last_error_message).toBe('Wrong response from the webhook: 403 Forbidden');
    expect(info.pending_update_count).toBe(1);

    await sleep(1100);
    await bot.telegram.setWebhook(hook.url, { secret_token: SECRET });
    expect((await driver.waitForMessage(erin.id)).text).toBe('echo: are you there?');
  });

  it('runs a method the webhook answered with, as Telegram does for webhookReply', async () => {
    const replying = new Telegraf(standIn.token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: true } });
    replying.start((ctx) => ctx.reply('Menu', Markup.inlineKeyboard([Markup.button.callback('Orders', 'orders')])));
    replying.action('orders', (ctx) => ctx.answerCbQuery('No orders yet'));
    const replyHook = await webhookServer(replying, SECRET);
    try {
      await sleep(1100);
      await bot.telegram.setWebhook(replyHook.url, { secret_token: SECRET });
      const { driver } = standIn;
      const gus = driver.createUser({ first_name: 'Gus' });
      driver.userStartsBot(gus);
      const menu = await driver.waitForMessage(gus.id);
      const queryId = driver.userPressesButton(gus, menu.message_id, 'orders');
      expect(await driver.waitForCallbackAnswer(queryId)).toMatchObject({ text: 'No orders yet', show_alert: false });
      const answered = standIn.calls.byMethod('answerCallbackQuery').at(-1);
      expect(answered?.viaWebhookReply).toBe(true);
      await driver.waitUntil(() => answered?.httpStatus === 200, 2000, 'the webhook reply to be answered');
    } finally {
      await closeServer(replyHook.server);
    }
  });
});
