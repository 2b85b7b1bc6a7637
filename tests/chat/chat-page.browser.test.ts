// The chat page in a real browser, against a real `npm start` process with nothing configured: a newcomer buys by
// clicking (/start, catalog, product, cart, pay by QR on the sandbox page, the delivery message) and runs the shop
// as Admin. Screenshots of each step go to test-results/chat/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ChatPeople } from '../../infrastructure/telegram/local-chat/chat-people';
import { type Browser, describeInBrowser, launchBrowser, screenshots } from './support/browser';
import { type ChatShop, ProcessGroup, removeDataDir, startChatShop } from './support/chat-shop';

jest.setTimeout(300_000);

/** Generous: the shop, the bot and chromium share two cores with whatever else runs. */
const WAIT_MS = 45_000;
const [shopper] = ChatPeople.builtIn().map((p) => p.id) as [number];

const group = new ProcessGroup();
let shop: ChatShop;
let browser: Browser;
let page: Page;
let log: Locator;
let botToken = '';
const shot = screenshots('chat');

const shown = async (locator: Locator): Promise<Locator> => {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
};
const gone = (locator: Locator): Promise<void> => locator.waitFor({ state: 'detached', timeout: WAIT_MS });
const lastButton = (name: string | RegExp): Locator => log.getByRole('button', { name }).last();
const rowWith = (text: string | RegExp): Locator => log.locator('.message', { hasText: text }).last();

async function type(text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** Plays the bot's side through the local Bot API, for what this shop's bot does not do itself (sending a file). */
async function asBot(method: string, form: FormData): Promise<{ message_id: number }> {
  const response = await fetch(`${shop.localBotApi}/bot${botToken}/${method}`, { method: 'POST', body: form });
  const answer = (await response.json()) as { ok: boolean; result: { message_id: number }; description?: string };
  if (!answer.ok) throw new Error(`${method}: ${answer.description}`);
  return answer.result;
}

describeInBrowser('the chat page in chromium', () => {
  beforeAll(async () => {
    shop = await startChatShop(group);
    botToken = (JSON.parse(readFileSync(join(shop.dataDir, 'secrets.json'), 'utf8')) as { localBotToken: string }).localBotToken;
    browser = await launchBrowser();
    page = browser.page;
    log = page.getByRole('log', { name: 'Messages' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await group.killAll();
    if (shop) removeDataDir(shop.dataDir);
  });

  it('a shopper buys by clicking: /start, catalog, product, cart, QR, pay page, delivery', async () => {
    await page.goto(shop.chatUrl);
    await shown(page.getByRole('button', { name: 'Shopper' }));
    await shot(page, 'empty-chat');

    await (await shown(page.getByRole('button', { name: 'Start', exact: true }))).click();
    const welcome = await shown(rowWith('Welcome, Shopper!'));
    const welcomeId = await welcome.getAttribute('data-id');
    await shot(page, 'welcome');

    await lastButton('🛍 Catalog').click();
    // The welcome message itself becomes the catalog: edited in place, not sent again.
    const catalog = await shown(log.locator(`.message[data-id="${welcomeId}"]`, { hasText: 'Catalog — page 1' }));
    expect(await catalog.locator('.meta').textContent()).toMatch(/^edited /);
    await shot(page, 'catalog');

    await lastButton(/Game activation key/).click();
    const card = await shown(rowWith('Price: ¥15.00'));
    await shown(card.getByRole('img', { name: 'Photo' }));
    await shot(page, 'product');

    await card.getByRole('button', { name: '➕ Add to cart' }).click();
    await shown(page.getByRole('status').filter({ hasText: 'Game activation key: 1 in your cart' }));
    await shown(rowWith('In your cart: 1'));
    await shot(page, 'added-to-cart');

    await lastButton('🛒 Cart (1)').click();
    await shown(rowWith('Your cart:'));
    await shot(page, 'cart');
    await lastButton('✅ Checkout').click();
    await shown(rowWith('How would you like to pay?'));
    await lastButton('💳 WeChat Pay (QR code)').click();
    const qr = await shown(rowWith('Scan with WeChat to pay ¥15.00'));
    const image = await shown(qr.getByRole('img', { name: 'QR code' }));
    // Drawn, not a broken image: the browser decoded the PNG the bot uploaded.
    expect(await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    await shot(page, 'qr-code');

    // Not paid yet: the bot answers the press with an alert, which the page shows as a dialog.
    await qr.getByRole('button', { name: '🔄 Check payment' }).click();
    const alert = await shown(page.getByRole('dialog').filter({ hasText: 'Not paid yet' }));
    await shot(page, 'not-paid-yet-alert');
    await alert.getByRole('button', { name: 'OK' }).click();
    await alert.waitFor({ state: 'hidden', timeout: WAIT_MS });

    const [payPage] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: WAIT_MS }),
      qr.getByRole('link', { name: /Open the QR code link/ }).click(),
    ]);
    await (await shown(payPage.getByRole('button', { name: 'Pay ¥15.00' }))).click();
    await shown(payPage.getByText('Payment successful'));
    await shot(payPage, 'sandbox-paid');
    await payPage.close();

    const delivered = await shown(rowWith(/Your order T\d+ is delivered/));
    expect(await delivered.textContent()).toMatch(/Codes for Game activation key:\s*DEMO-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    // The QR message turned into the order's state, in place.
    await shown(log.locator('.message', { hasText: '📦 Delivered' }).getByRole('img', { name: 'QR code' }));
    await shot(page, 'delivered');
  });

  it('shows what a bot sends: a file to download, a deleted message, a reply keyboard', async () => {
    const document = new FormData();
    document.append('chat_id', String(shopper));
    document.append('caption', 'Your receipt');
    document.append('document', new Blob(['order receipt\n']), 'receipt.txt');
    const sent = await asBot('sendDocument', document);
    const link = await shown(log.getByRole('link', { name: 'Download receipt.txt' }));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), link.click()]);
    expect(download.suggestedFilename()).toBe('receipt.txt');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('order receipt\n');
    await shot(page, 'document-from-the-bot');

    const removal = new FormData();
    removal.append('chat_id', String(shopper));
    removal.append('message_id', String(sent.message_id));
    await asBot('deleteMessage', removal);
    await gone(log.locator(`.message[data-id="${sent.message_id}"]`));

    const question = new FormData();
    question.append('chat_id', String(shopper));
    question.append('text', 'Did the code work?');
    question.append('reply_markup', JSON.stringify({ keyboard: [['Yes', 'No']], one_time_keyboard: true, resize_keyboard: true }));
    await asBot('sendMessage', question);
    const keyboard = await shown(page.getByRole('group', { name: 'Keyboard' }));
    await shot(page, 'reply-keyboard');
    await keyboard.getByRole('button', { name: 'Yes' }).click();
    await shown(log.locator('.message.outgoing', { hasText: /^Yes/ }));
  });

  it('runs the shop as Admin: stats, orders, a file of codes', async () => {
    await page.getByRole('button', { name: 'Admin' }).click();
    await shown(page.getByText('Chatting as Admin'));
    await type('/stats');
    const stats = await shown(rowWith('📊 Sales'));
    expect(await stats.textContent()).toMatch(/Today: 1 placed, 1 paid, revenue ¥15\.00/);
    await shot(page, 'admin-stats');

    await type('/orders');
    const orders = await shown(rowWith(/Orders \(all\), 1 in all/));
    expect(await orders.textContent()).toContain(`user ${shopper}`);
    await shot(page, 'admin-orders');

    const products = (await (await fetch(`${shop.base}/v1/products`)).json()) as { items: Array<{ id: number; sku: string }> };
    const gameKey = products.items.find((p) => p.sku === 'GAME-KEY');
    expect(gameKey).toBeDefined();
    await page.locator('#file-input').setInputFiles({ name: 'codes.txt', mimeType: 'text/plain', buffer: Buffer.from('NEW-CODE-0001\nNEW-CODE-0002\n') });
    await (await shown(page.getByRole('textbox', { name: 'Caption' }))).fill(String(gameKey?.id));
    await shot(page, 'admin-code-upload');
    await page.getByRole('button', { name: 'Send file' }).click();
    await shown(log.getByRole('link', { name: 'Download codes.txt' }));
    await shown(rowWith(`2 codes added to #${gameKey?.id}`));
    await shot(page, 'admin-codes-added');

    // The Shopper's chat kept its own history meanwhile.
    await page.getByRole('button', { name: 'Shopper' }).click();
    await shown(rowWith(/Your order T\d+ is delivered/));
  });

  it("speaks each person's language, and opens deep links", async () => {
    await page.getByRole('button', { name: 'Seller' }).click();
    await (await shown(page.getByRole('button', { name: 'Start', exact: true }))).click();
    await shown(rowWith('欢迎，Seller！'));
    await shown(lastButton('🛍 商品'));
    await page.getByRole('button', { name: '☰ Menu' }).click();
    await shown(page.getByRole('menuitem', { name: /\/catalog 浏览商品/ }));
    await shot(page, 'seller-in-chinese');
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await type('/start');
    await shown(rowWith('Seller'));
    await shown(lastButton(/Каталог/));
    await shot(page, 'seller-in-russian');

    const products = (await (await fetch(`${shop.base}/v1/products`)).json()) as { items: Array<{ id: number; sku: string }> };
    const gameKey = products.items.find((p) => p.sku === 'GAME-KEY');
    // A t.me deep link of this bot, pasted into the input, starts the bot with its payload.
    await type(`https://t.me/tillbot_local_bot?start=p_${gameKey?.id}`);
    await shown(log.locator('.message.outgoing', { hasText: `/start p_${gameKey?.id}` }));
    await shown(rowWith('Game activation key'));

    const sticker = products.items.find((p) => p.sku === 'STICKER-PACK');
    await page.goto(`${shop.chatUrl}?as=Shopper&start=p_${sticker?.id}`);
    await shown(rowWith(`/start p_${sticker?.id}`));
    await shown(rowWith('Hand-drawn sticker pack (mailed)'));
    expect(new URL(page.url()).search).toBe('');
    await shot(page, 'deep-link');
  });
});
