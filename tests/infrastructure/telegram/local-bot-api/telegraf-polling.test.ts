import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { Input, Markup, type Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import { type LocalBotApi, startLocalBotApi } from '../../../../infrastructure/telegram/local-bot-api';
import { apiError, launchPolling, sleep, telegrafFor } from './telegraf-harness';
import { must } from '../../../support/must';

const PAY_URL = 'weixin://wxpay/bizpayurl?pr=Xy12Ab3';

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('the Bot API stand-in driving a real telegraf bot over long polling', () => {
  let standIn: LocalBotApi;
  let bot: Telegraf;
  let polling: { stop(): Promise<void> };

  beforeAll(async () => {
    standIn = await startLocalBotApi();
    bot = telegrafFor(standIn);
    bot.start((ctx) =>
      ctx.reply(
        ctx.payload ? `Welcome! You opened product ${ctx.payload}` : 'Welcome!',
        Markup.inlineKeyboard([Markup.button.callback('Add to cart', 'add:7:1')]),
      ),
    );
    bot.action(/^add:(\d+):(\d+)$/, async (ctx) => {
      await ctx.answerCbQuery('Added to your cart');
      await ctx.editMessageText(`Cart: product ${ctx.match[1]} × ${ctx.match[2]}`, Markup.inlineKeyboard([Markup.button.callback('Checkout', 'checkout')]));
    });
    bot.command('pay', async (ctx) => {
      await ctx.sendChatAction('upload_photo');
      const png = await QRCode.toBuffer(PAY_URL, { type: 'png', margin: 2, scale: 6 });
      await ctx.replyWithPhoto(Input.fromBuffer(png, 'pay.png'), { caption: 'Scan to pay ¥12.00' });
    });
    bot.on(message('document'), async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.document.file_id);
      const body = await (await fetch(link)).text();
      await ctx.reply(`Imported ${body.trim().split('\n').length} codes from ${ctx.message.document.file_name}`);
    });
    polling = await launchPolling(bot, standIn);
  });

  afterAll(async () => {
    await polling.stop();
    await standIn.close();
  });

  it('answers /start with a deep-link payload, then a button press is answered and the message edited', async () => {
    const { driver } = standIn;
    const alice = driver.createUser({ first_name: 'Alice', username: 'alice_shop', language_code: 'en' });
    const sent = driver.userStartsBot(alice, 'p_7');
    expect(sent.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const welcome = await driver.waitForMessage(alice.id);
    expect(welcome.text).toBe('Welcome! You opened product p_7');
    expect(driver.inlineKeyboard(welcome)).toEqual([[{ text: 'Add to cart', callback_data: 'add:7:1' }]]);

    const queryId = driver.userPressesButton(alice, welcome.message_id, 'add:7:1');
    expect(await driver.waitForCallbackAnswer(queryId)).toMatchObject({ text: 'Added to your cart', show_alert: false });
    const edited = await driver.waitForEdit(alice.id, welcome.message_id, (m) => m.text?.startsWith('Cart') ?? false);
    expect(edited.text).toBe('Cart: product 7 × 1');
    expect(edited.edit_date).toEqual(expect.any(Number));
    expect(driver.findButton(edited, 'Checkout')?.callback_data).toBe('checkout');
    expect(driver.botMessages(alice.id)).toHaveLength(1);
  });

  it('keeps one getUpdates request open while idle instead of spinning', async () => {
    const before = standIn.calls.count('getUpdates');
    await sleep(2000);
    expect(standIn.calls.count('getUpdates') - before).toBeLessThanOrEqual(1);
  });

  it('delivers an uploaded QR photo whose bytes decode back to the payment link', async () => {
    const { driver } = standIn;
    const bob = driver.createUser({ first_name: 'Bob' });
    driver.userSendsText(bob, '/pay');
    const photo = await driver.waitForMessage(bob.id, (m) => m.photo !== undefined);
    expect(photo.caption).toBe('Scan to pay ¥12.00');
    expect(decodeQr(driver.downloadPhoto(photo))).toBe(PAY_URL);
    expect(driver.chatActions(bob.id).map((a) => a.action)).toEqual(['upload_photo']);

    const size = must(photo.photo?.[0], 'a photo size');
    const file = await bot.telegram.getFile(size.file_id);
    const downloaded = Buffer.from(await (await fetch(`${standIn.apiRoot}/file/bot${standIn.token}/${file.file_path}`)).arrayBuffer());
    expect(decodeQr(downloaded)).toBe(PAY_URL);
  });

  it('lets the bot fetch a document the user sent through getFile and the file URL', async () => {
    const { driver } = standIn;
    const admin = driver.createUser({ first_name: 'Admin' });
    driver.userSendsDocument(admin, 'codes.txt', 'KEY-1\nKEY-2\nKEY-3\n');
    const reply = await driver.waitForMessage(admin.id);
    expect(reply.text).toBe('Imported 3 codes from codes.txt');
  });

  it('refuses to write to a chat whose user never started the bot', async () => {
    expect(await apiError(bot.telegram.sendMessage(987654321, 'hello'))).toEqual({ code: 400, description: 'Bad Request: chat not found' });
    expect(await apiError(bot.telegram.getChat(987654321))).toEqual({ code: 400, description: 'Bad Request: chat not found' });
  });

  it('keeps commands per scope and language', async () => {
    await bot.telegram.setMyCommands([
      { command: 'start', description: 'Open the shop' },
      { command: 'orders', description: 'Your orders' },
    ]);
    await bot.telegram.setMyCommands([{ command: 'start', description: 'Открыть магазин' }], { language_code: 'ru' });
    expect(await bot.telegram.getMyCommands()).toEqual([
      { command: 'start', description: 'Open the shop' },
      { command: 'orders', description: 'Your orders' },
    ]);
    expect(await bot.telegram.getMyCommands({ language_code: 'ru' })).toEqual([{ command: 'start', description: 'Открыть магазин' }]);
    expect(await apiError(bot.telegram.setMyCommands([{ command: 'Orders', description: 'x' }]))).toEqual({
      code: 400,
      description: 'Bad Request: BOT_COMMAND_INVALID',
    });
  });
});
