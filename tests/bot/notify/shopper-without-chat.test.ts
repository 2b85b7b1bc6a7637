import { TelegramError } from 'telegraf';
import type { Telegram } from 'telegraf';
import { TelegramNotifier } from '../../../bot/notify/telegram-notifier';
import type { BotServices } from '../../../bot/bot-services';
import { TestShop, startTestShop } from '../../support/test-shop';

describe('notices and shoppers without a chat with the bot (sqlite)', () => {
  let shop: TestShop;
  beforeAll(async () => (shop = await startTestShop('sqlite')));
  afterAll(() => shop.close());

  it('a shopper known only through the API has no chat; one who writes to the bot has', async () => {
    const apiOnly = 9401;
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(apiOnly) })).statusCode).toBe(200);
    expect(await shop.app.shop.account.chatReachable(String(apiOnly))).toBe(false);

    const profile = { id: String(apiOnly), firstName: 'Api', lastName: null, username: null, languageCode: 'en' };
    await shop.app.shop.account.identifyShopper({ ...profile, chatOpen: true });
    expect(await shop.app.shop.account.chatReachable(String(apiOnly))).toBe(true);
    // Using the API again does not close the chat the bot has.
    await shop.app.shop.account.identifyShopper({ ...profile, firstName: 'Api again' });
    expect(await shop.app.shop.account.chatReachable(String(apiOnly))).toBe(true);

    await shop.app.shop.account.markChatUnreachable(String(apiOnly));
    expect(await shop.app.shop.account.chatReachable(String(apiOnly))).toBe(false);
  });

  function notifierWith(sendMessage: jest.Mock) {
    const svc = {
      shop: shop.app.shop,
      logger: shop.app.logger,
      chatLanguages: { languageFor: async () => 'en' },
      settings: { adminIds: [], utcOffsetMinutes: 480, currency: 'CNY' },
    } as unknown as BotServices;
    return new TelegramNotifier({ sendMessage } as unknown as Telegram, svc);
  }

  it('sends nothing to a shopper with no chat, and the notice is done (no retry storm)', async () => {
    const sendMessage = jest.fn(async () => ({ message_id: 1 }));
    await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(9402) });
    await expect(notifierWith(sendMessage).notifyShopper({ userId: '9402', event: 'CREDIT_ADJUSTED', amount: 100 as never })).resolves.toBeUndefined();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('a chat Telegram says is not found is tried once, then skipped', async () => {
    const sendMessage = jest.fn(async () => {
      throw new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' });
    });
    const userId = '9403';
    await shop.app.shop.account.identifyShopper({ id: userId, firstName: 'Gone', lastName: null, username: null, languageCode: 'en', chatOpen: true });
    const notifier = notifierWith(sendMessage);
    await expect(notifier.notifyShopper({ userId, event: 'CREDIT_ADJUSTED', amount: 100 as never })).resolves.toBeUndefined();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    await notifier.notifyShopper({ userId, event: 'CREDIT_ADJUSTED', amount: 200 as never });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(await shop.app.shop.account.chatReachable(userId)).toBe(false);
  });
});
