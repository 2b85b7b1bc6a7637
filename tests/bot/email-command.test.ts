import { BotWorld, startBotWorld, textOf } from './support/bot-world';

describe('a shopper gives the shop an e-mail address in chat', () => {
  let world: BotWorld;

  beforeAll(async () => {
    world = await startBotWorld('polling');
  });
  afterAll(() => world.close());

  it('sets, shows, refuses a bad one and stops mail, in the shopper’s language', async () => {
    const { driver } = world;
    const li = driver.createUser({ first_name: 'Li', language_code: 'zh' });
    driver.userStartsBot(li);
    await driver.waitForMessage(li.id, (m) => textOf(m).length > 0);

    driver.userSendsText(li, '/email');
    await driver.waitForMessage(li.id, (m) => textOf(m).includes('尚未设置邮箱'));
    driver.userSendsText(li, '/email li@tea');
    await driver.waitForMessage(li.id, (m) => textOf(m).includes('这看起来不是邮箱地址'));
    expect(await world.app.shop.account.emailOf(String(li.id))).toBeNull();

    driver.userSendsText(li, '/email Li@Tea.Example');
    await driver.waitForMessage(li.id, (m) => textOf(m).includes('Li@tea.example'));
    expect(await world.app.shop.account.emailOf(String(li.id))).toBe('Li@tea.example');
    driver.userSendsText(li, '/email');
    await driver.waitForMessage(li.id, (m) => textOf(m).includes('订单通知也会发送到 Li@tea.example'));

    driver.userSendsText(li, '/email off');
    await driver.waitForMessage(li.id, (m) => textOf(m).includes('已停止邮件通知'));
    expect(await world.app.shop.account.emailOf(String(li.id))).toBeNull();
  });
});
