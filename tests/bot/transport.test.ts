import { eventually } from '../support/test-shop';
import { BotMode, startBotWorld, textOf } from './support/bot-world';

describe.each<BotMode>(['polling', 'webhook'])("the bot's connection to the Bot API (%s)", (mode) => {
  it('starts while the Bot API is unreachable, retries, and serves once it is back', async () => {
    const world = await startBotWorld(mode, { botApiDownAtFirst: true });
    try {
      expect(world.botLog.some((l) => l.includes('Bot API not usable; retrying'))).toBe(true);
      const user = world.driver.createUser({ first_name: 'Patient' });
      world.driver.userStartsBot(user);
      expect(textOf(await world.driver.waitForMessage(user.id, () => true, 10_000))).toContain('Welcome, Patient');
      // The menus are set in the background once connected, while updates are already served: wait for them.
      const menuLanguages = async () =>
        world.standIn.calls
          .byMethod('setMyCommands')
          .filter((c) => c.response?.ok)
          .map((c) => c.params.language_code ?? 'default')
          .sort();
      expect(await eventually(menuLanguages, (languages) => languages.length >= 3)).toEqual(['default', 'ru', 'zh']);
    } finally {
      await world.close();
    }
  });
});

describe('the webhook endpoint', () => {
  it("takes updates only with Telegram's secret token", async () => {
    const world = await startBotWorld('webhook');
    try {
      const post = (headers: Record<string, string>, body: unknown) =>
        fetch(`${world.base}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const update = {
        update_id: 1,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 42, type: 'private', first_name: 'X' },
          from: { id: 42, is_bot: false, first_name: 'X' },
          text: '/start',
        },
      };
      expect((await post({}, update)).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'guess' }, update)).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'stand-in_webhook_secret-1' }, { hello: 'world' })).status).toBe(400);
      expect((await world.app.shop.shopperIds(null, 100)).ids).not.toContain('42');
      expect(world.standIn.calls.all().filter((c) => String(c.params.chat_id) === '42')).toEqual([]);
      expect(world.standIn.calls.byMethod('setWebhook').at(-1)?.params).toMatchObject({
        url: `${world.base}/telegram/webhook`,
        secret_token: 'stand-in_webhook_secret-1',
      });
    } finally {
      await world.close();
    }
  });
});
