// `npm start` with nothing configured runs the bot against the local Bot API and serves the chat page; with a real
// token nothing of that exists. Real shop processes, talked to over HTTP.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalBotApi, startLocalBotApi } from '../../infrastructure/telegram/local-bot-api';
import { ChatPeople } from '../../infrastructure/telegram/local-chat/chat-people';
import { signInitData } from '../../infrastructure/telegram/init-data';
import { EventReader, messageOf, say } from './support/chat-client';
import { type ChatShop, ProcessGroup, removeDataDir, REPO_ROOT, startChatShop } from './support/chat-shop';
import { freePort } from '../support/test-shop';

jest.setTimeout(180_000);

const [shopper, admin] = ChatPeople.builtIn().map((p) => p.id) as [number, number];
const group = new ProcessGroup();
let shop: ChatShop;

const botSaysTo = (events: EventReader, personId: number, text: RegExp) =>
  events.next('message', (d) => d.personId === personId && messageOf(d).from === 'bot' && text.test(messageOf(d).text ?? ''), 30_000);

beforeAll(async () => {
  shop = await startChatShop(group);
}, 180_000);

afterAll(async () => {
  await group.killAll();
  removeDataDir(shop.dataDir);
});

describe('npm start without TELEGRAM_BOT_TOKEN', () => {
  it('prints the chat address and who is admin, and serves the page there', async () => {
    expect(shop.chatUrl).toBe(`${shop.base}/chat`);
    expect(shop.process.output()).toContain(`chat people: Shopper ${shopper}, Admin ${admin} (an admin of this shop), Seller`);
    const page = await fetch(shop.chatUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>tillbot — local chat</title>');
  });

  it('says loudly that payments are simulated, and keeps the sandbox admin routes behind a token in data/secrets.json', async () => {
    const out = shop.process.output();
    expect(out).toContain('PAYMENTS ARE SIMULATED — sandbox, no real money: WECHATPAY_* is not set');
    expect(out).toMatch(/"level":40[^\n]*PAYMENTS ARE SIMULATED — sandbox, no real money/);
    expect(out).toContain(`sandbox admin token (/sandbox/*): kept in ${shop.dataDir}/secrets.json (sandboxAdminToken)`);
    const { sandboxAdminToken } = JSON.parse(readFileSync(join(shop.dataDir, 'secrets.json'), 'utf8')) as { sandboxAdminToken?: string };
    expect(sandboxAdminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(out).not.toContain(sandboxAdminToken);
    const refused = await fetch(`${shop.sandboxBase}/sandbox/trades`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await fetch(`${shop.sandboxBase}/sandbox/trades`, { headers: { authorization: `Bearer ${sandboxAdminToken}` } })).status).toBe(200);
  });

  it('runs the real bot for the chat: Admin is an admin of the shop, Shopper is not', async () => {
    const events = new EventReader(`${shop.base}/chat/api/events`);
    try {
      await events.next('snapshot');
      await say(shop.base, admin, '/admin');
      await botSaysTo(events, admin, /^Admin menu/);
      await say(shop.base, shopper, '/admin');
      await botSaysTo(events, shopper, /didn't understand/);
      // The bot set its commands menu per language; the page hands each person theirs.
      const state = (await (await fetch(`${shop.base}/chat/api/state`)).json()) as { chats: Record<string, { commands: Array<{ command: string }> }> };
      expect(state.chats[String(shopper)]?.commands.map((c) => c.command)).toContain('catalog');
    } finally {
      events.close();
    }
  });

  it('signs Mini App init data with the local token: `npm run init-data` works against this shop', async () => {
    const run = spawnSync(
      process.execPath,
      ['-r', join(REPO_ROOT, 'scripts', 'ts-register.js'), join(REPO_ROOT, 'scripts', 'init-data.ts'), String(shopper), 'Shopper'],
      {
        cwd: shop.dataDir,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: shop.dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    const header = run.stdout.trim();
    expect(header).toMatch(/^tma /);
    const account = await fetch(`${shop.base}/v1/account`, { headers: { authorization: header } });
    expect(account.status).toBe(200);
    const forged = `tma ${signInitData('123456:another-bot-token-xxxxxxxxxxxx', { id: shopper, first_name: 'Shopper' }, new Date())}`;
    expect((await fetch(`${shop.base}/v1/account`, { headers: { authorization: forged } })).status).toBe(401);
  });

  it('keeps its local token over a restart, and stops promptly while a chat page is open', async () => {
    const secrets = (): { localBotToken?: string; adminApiKey?: string } => JSON.parse(readFileSync(join(shop.dataDir, 'secrets.json'), 'utf8'));
    const before = secrets();
    expect(before.localBotToken).toMatch(/^\d+:[A-Za-z0-9_-]{30,}$/);
    const events = new EventReader(`${shop.base}/chat/api/events`);
    await events.next('snapshot');
    const startedAt = Date.now();
    const exit = await shop.process.kill('SIGTERM');
    events.close();
    expect(exit.code).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(9_000);
    shop = await startChatShop(group, {}, shop.dataDir);
    expect(secrets()).toEqual(before);
    // The key was shown when it was made; a restart says only where it is kept.
    expect(shop.process.output()).toContain(`admin API key: kept in ${shop.dataDir}/secrets.json`);
    expect(shop.process.output()).not.toContain(before.adminApiKey ?? 'no key');
  });
});

describe('npm start with a real TELEGRAM_BOT_TOKEN', () => {
  let telegram: LocalBotApi;

  beforeAll(async () => {
    // Plays Telegram for a shop that has a token of its own.
    telegram = await startLocalBotApi();
  });

  afterAll(async () => {
    await telegram.close();
  });

  it('talks to the configured Bot API and has no chat page, no chat API and no local admins', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const withToken = group.start(
      'shop-with-token',
      'main.ts',
      {
        DATA_DIR: join(shop.dataDir, 'with-token'),
        PORT: String(port),
        HOST: '127.0.0.1',
        SANDBOX_PORT: String(await freePort()),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
      },
      shop.dataDir,
    );
    await withToken.waitForLine(/^tillbot is open at/, 120_000);
    await telegram.driver.waitUntil(() => telegram.calls.byMethod('getUpdates').length > 0, 60_000, 'the bot to poll the configured Bot API');
    expect(withToken.output()).not.toContain('chat with the bot');
    expect((await fetch(`${base}/chat`)).status).toBe(404);
    expect((await fetch(`${base}/chat/api/events`)).status).toBe(404);
    expect((await fetch(`${base}/chat/api/people/${admin}/messages`, { method: 'POST', headers: { 'x-tillbot-chat': '1' } })).status).toBe(404);

    const stranger = { id: admin, first_name: 'Admin', language_code: 'en' };
    telegram.driver.userSendsText(stranger, '/admin');
    const reply = await telegram.driver.waitForMessage(admin, () => true, 30_000);
    expect(reply.text).toMatch(/didn't understand/);
    await withToken.kill('SIGTERM');
  });
});

describe('npm start without a token, in other roles and modes', () => {
  it('says in the log that the chat page is off when the process has no api role', async () => {
    const botOnly = group.start('bot-only', 'main.ts', { DATA_DIR: join(shop.dataDir, 'bot-only'), TILLBOT_ROLES: 'bot', LOG_LEVEL: 'info' }, shop.dataDir);
    await botOnly.waitForLine(/chat page is off: this process has no api role/, 120_000);
    await botOnly.waitForLine(/telegram long polling started/, 60_000);
    expect(botOnly.output()).not.toContain('chat with the bot');
    await botOnly.kill('SIGTERM');
  });

  it('delivers the local updates to the shop itself in webhook mode (PUBLIC_URL set)', async () => {
    const webhook = await startChatShop(group, { PUBLIC_URL: 'https://shop.example' }, join(shop.dataDir, 'webhook'));
    await webhook.process.waitForLine(/telegram webhook set/, 60_000);
    const events = new EventReader(`${webhook.base}/chat/api/events`);
    try {
      await events.next('snapshot');
      await say(webhook.base, shopper, '/start');
      await botSaysTo(events, shopper, /^Welcome, Shopper!/);
    } finally {
      events.close();
      await webhook.process.kill('SIGTERM');
    }
  });
});
