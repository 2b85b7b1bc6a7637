import { Input, Markup, type Telegraf } from 'telegraf';
import { type LocalBotApi, type LocalUser, startLocalBotApi } from '../../../../infrastructure/telegram/local-bot-api';
import { apiError, sleep, telegrafFor } from './telegraf-harness';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
type TelegrafSignal = NonNullable<NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>['signal']>;
const button = (data: string) => Markup.inlineKeyboard([Markup.button.callback('Go', data)]);

describe("Telegram's limits and refusals, as the stand-in answers them to telegraf", () => {
  let standIn: LocalBotApi;
  let bot: Telegraf;
  let hana: LocalUser;

  beforeAll(async () => {
    standIn = await startLocalBotApi();
    bot = telegrafFor(standIn);
    hana = standIn.driver.createUser({ first_name: 'Hana', language_code: 'zh' });
    standIn.driver.userStartsBot(hana);
  });

  afterAll(() => standIn.close());

  it('measures callback_data in bytes: 64 pass, 65 are BUTTON_DATA_INVALID', async () => {
    await bot.telegram.sendMessage(hana.id, 'ascii', button('x'.repeat(64)));
    await bot.telegram.sendMessage(hana.id, 'cyrillic', button('я'.repeat(32)));
    const refused = { code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' };
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'ascii', button('x'.repeat(65))))).toEqual(refused);
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'cyrillic', button('я'.repeat(33))))).toEqual(refused);
  });

  it('refuses keyboards Telegram would not draw', async () => {
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'x', button('')))).toEqual({
      code: 400,
      description: "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    });
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'x', { reply_markup: { inline_keyboard: [[{ text: ' ', callback_data: 'a' }]] } }))).toEqual({
      code: 400,
      description: 'Bad Request: BUTTON_TEXT_INVALID',
    });
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'x', Markup.inlineKeyboard([Markup.button.url('Pay', 'not a url')])))).toEqual({
      code: 400,
      description: 'Bad Request: BUTTON_URL_INVALID',
    });
  });

  it('limits a text to 4096 characters after markup, and a caption to 1024', async () => {
    await bot.telegram.sendMessage(hana.id, 'a'.repeat(4096));
    await bot.telegram.sendMessage(hana.id, `<b>${'a'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'a'.repeat(4097)))).toEqual({ code: 400, description: 'Bad Request: message is too long' });
    expect(await apiError(bot.telegram.sendMessage(hana.id, ' \n '))).toEqual({ code: 400, description: 'Bad Request: message text is empty' });
    expect(await apiError(bot.telegram.sendPhoto(hana.id, Input.fromBuffer(PNG_1X1, 'p.png'), { caption: 'c'.repeat(1025) }))).toEqual({
      code: 400,
      description: 'Bad Request: message caption is too long',
    });
  });

  it("reports broken markup as Telegram's can't parse entities", async () => {
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'Price <price> ¥12', { parse_mode: 'HTML' }))).toEqual({
      code: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "price" at byte offset 6',
    });
    expect(await apiError(bot.telegram.sendMessage(hana.id, '<b>bold', { parse_mode: 'HTML' }))).toEqual({
      code: 400,
      description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    });
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'Total: 12.00', { parse_mode: 'MarkdownV2' }))).toEqual({
      code: 400,
      description: "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    });
    const sent = await bot.telegram.sendMessage(hana.id, '<b>Order</b> &lt;#42&gt; paid', { parse_mode: 'HTML' });
    expect(sent).toMatchObject({ text: 'Order <#42> paid', entities: [{ type: 'bold', offset: 0, length: 5 }] });
  });

  it('lets a callback query be answered once, with at most 200 characters', async () => {
    const { driver } = standIn;
    const menu = await bot.telegram.sendMessage(hana.id, 'Menu', button('menu'));
    const queryId = driver.userPressesButton(hana, menu.message_id, 'menu');
    expect(await apiError(bot.telegram.answerCbQuery(queryId, 'x'.repeat(201)))).toEqual({ code: 400, description: 'Bad Request: MESSAGE_TOO_LONG' });
    expect(await bot.telegram.answerCbQuery(queryId, 'Done', { show_alert: true })).toBe(true);
    expect(driver.callbackAnswer(queryId)).toMatchObject({ text: 'Done', show_alert: true });
    const tooOld = { code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' };
    expect(await apiError(bot.telegram.answerCbQuery(queryId))).toEqual(tooOld);
    expect(await apiError(bot.telegram.answerCbQuery('1234567890'))).toEqual(tooOld);
  });

  it('refuses edits that change nothing or find nothing', async () => {
    const sent = await bot.telegram.sendMessage(hana.id, 'Status: waiting', button('check'));
    expect(await apiError(bot.telegram.editMessageText(hana.id, sent.message_id, undefined, 'Status: waiting', button('check')))).toEqual({
      code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    });
    // Leaving the keyboard out of an edit removes it, so this is a change.
    const edited = await bot.telegram.editMessageText(hana.id, sent.message_id, undefined, 'Status: waiting');
    expect(edited).not.toHaveProperty('reply_markup');
    expect(await apiError(bot.telegram.editMessageReplyMarkup(hana.id, sent.message_id, undefined, undefined))).toMatchObject({
      description: expect.stringContaining('message is not modified'),
    });
    expect(await apiError(bot.telegram.editMessageText(hana.id, 999_999, undefined, 'x'))).toEqual({
      code: 400,
      description: 'Bad Request: message to edit not found',
    });
    const photo = await bot.telegram.sendPhoto(hana.id, Input.fromBuffer(PNG_1X1, 'qr.png'), { caption: 'QR' });
    expect(await apiError(bot.telegram.editMessageText(hana.id, photo.message_id, undefined, 'x'))).toEqual({
      code: 400,
      description: 'Bad Request: there is no text in the message to edit',
    });
    expect(await bot.telegram.editMessageCaption(hana.id, photo.message_id, undefined, 'QR (paid)')).toMatchObject({ caption: 'QR (paid)' });
    expect(await apiError(bot.telegram.editMessageCaption(hana.id, sent.message_id, undefined, 'x'))).toEqual({
      code: 400,
      description: 'Bad Request: there is no caption in the message to edit',
    });
    const own = standIn.driver.userSendsText(hana, 'hello');
    expect(await apiError(bot.telegram.editMessageText(hana.id, own.message_id, undefined, 'x'))).toEqual({
      code: 400,
      description: "Bad Request: message can't be edited",
    });
    expect(await bot.telegram.deleteMessage(hana.id, sent.message_id)).toBe(true);
    expect(await apiError(bot.telegram.deleteMessage(hana.id, sent.message_id))).toEqual({
      code: 400,
      description: 'Bad Request: message to delete not found',
    });
    expect(standIn.driver.botMessages(hana.id).find((m) => m.message.message_id === sent.message_id)).toMatchObject({
      deleted: true,
      versions: [expect.objectContaining({ text: 'Status: waiting' })],
    });
  });

  it('hands an injected 429 to telegraf with retry_after, and the message is not sent', async () => {
    standIn.faults.inject({ kind: 'retryAfter', retryAfter: 3, method: 'sendMessage', chatId: hana.id });
    const before = standIn.driver.botMessages(hana.id).length;
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'flood'))).toEqual({ code: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 });
    expect(standIn.driver.botMessages(hana.id)).toHaveLength(before);
    await bot.telegram.sendMessage(hana.id, 'after the wait');
    expect(standIn.driver.botMessages(hana.id)).toHaveLength(before + 1);
    expect(
      standIn.calls
        .byMethod('sendMessage')
        .slice(-2)
        .map((c) => [c.httpStatus, c.fault]),
    ).toEqual([
      [429, 'retryAfter'],
      [200, undefined],
    ]);
  });

  it('injects server errors, sent-but-failed calls, hangs and cut connections', async () => {
    standIn.faults.inject({ kind: 'serverError', status: 500, method: 'getMe' });
    expect(await apiError(bot.telegram.getMe())).toEqual({ code: 500, description: 'Internal Server Error' });
    standIn.faults.inject({ kind: 'serverError', status: 502, method: 'getMe' });
    expect(await apiError(bot.telegram.getMe())).toEqual({ code: 502, description: 'Bad Gateway' });

    const before = standIn.driver.botMessages(hana.id).length;
    standIn.faults.inject({ kind: 'serverError', status: 502, method: 'sendMessage', afterProcessing: true });
    expect(await apiError(bot.telegram.sendMessage(hana.id, 'did it arrive?'))).toMatchObject({ code: 502 });
    expect(standIn.driver.botMessages(hana.id)).toHaveLength(before + 1);

    standIn.faults.inject({ kind: 'hang', method: 'getMe' });
    // telegraf types its signal with the abort-controller polyfill; node-fetch takes the built-in one.
    const signal = AbortSignal.timeout(300) as unknown as TelegrafSignal;
    await expect(bot.telegram.callApi('getMe', {}, { signal })).rejects.toMatchObject({ name: 'AbortError' });
    standIn.faults.inject({ kind: 'drop', method: 'getMe' });
    await expect(bot.telegram.getMe()).rejects.toMatchObject({ name: 'FetchError' });
    expect(standIn.faults.pending()).toBe(0);
    expect(await bot.telegram.getMe()).toMatchObject({ id: Number(standIn.token.split(':')[0]), is_bot: true });
  });

  it('answers 403 once the user has blocked the bot, and tells the bot', async () => {
    const { driver } = standIn;
    const ivan = driver.createUser({ first_name: 'Ivan' });
    driver.userStartsBot(ivan);
    driver.userBlocksBot(ivan);
    expect(await apiError(bot.telegram.sendMessage(ivan.id, 'sale!'))).toEqual({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    const updates = await bot.telegram.getUpdates(0, 100, 0, undefined);
    expect(updates.at(-1)).toMatchObject({ my_chat_member: { chat: { id: ivan.id }, new_chat_member: { status: 'kicked' } } });
  });

  it('answers 401 to an unknown token, 404 to a malformed one and to an unknown method', async () => {
    expect(await apiError(telegrafFor(standIn, '123456:not-this-bot').telegram.getMe())).toEqual({ code: 401, description: 'Unauthorized' });
    expect(await apiError(telegrafFor(standIn, 'garbage').telegram.getMe())).toEqual({ code: 404, description: 'Not Found' });
    expect(await apiError(bot.telegram.callApi('sendTelepathy' as 'getMe', {}))).toEqual({ code: 404, description: 'Not Found' });
  });
});

describe('flood limits, when the stand-in enforces them', () => {
  let standIn: LocalBotApi;
  let bot: Telegraf;

  beforeAll(async () => {
    standIn = await startLocalBotApi({ rateLimits: true });
    bot = telegrafFor(standIn);
  });

  afterAll(() => standIn.close());

  it('takes a short burst into one chat, then answers 429 until a second has passed', async () => {
    const { driver } = standIn;
    const jo = driver.createUser({ first_name: 'Jo' });
    driver.userStartsBot(jo);
    for (const n of [1, 2, 3]) await bot.telegram.sendMessage(jo.id, `burst ${n}`);
    expect(await apiError(bot.telegram.sendMessage(jo.id, 'one too many'))).toEqual({
      code: 429,
      description: 'Too Many Requests: retry after 1',
      retryAfter: 1,
    });
    expect(standIn.sendRates()).toMatchObject({ maxPerChat: 3, busiestChatId: jo.id, maxGlobal: 3, totalMessages: 3 });
    await sleep(1100);
    await bot.telegram.sendMessage(jo.id, 'after a second');
    expect(standIn.sendRates().totalMessages).toBe(4);
  });

  it('caps a bot at 30 messages in any second across chats', async () => {
    const { driver } = standIn;
    const users = Array.from({ length: 40 }, (_, i) => driver.createUser({ first_name: `Fan ${i}` }));
    for (const user of users) driver.userStartsBot(user);
    await sleep(1100);
    const results = await Promise.allSettled(users.map((user) => bot.telegram.sendMessage(user.id, 'news')));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.map((r) => (r.reason as { code?: number }).code)).toEqual(refused.map(() => 429));
    expect(standIn.sendRates().maxGlobal).toBeLessThanOrEqual(30);
    expect(standIn.sendRates().maxPerChat).toBeLessThanOrEqual(3);
  });
});
