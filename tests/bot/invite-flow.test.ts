import { BotWorld, startBotWorld, textOf } from './support/bot-world';

describe('inviting a friend in chat', () => {
  let world: BotWorld;

  beforeAll(async () => {
    world = await startBotWorld('polling');
  });
  afterAll(() => world.close());

  it('shows the invite link, and a friend who opens it is linked and told what it brings', async () => {
    const { driver, app } = world;
    const ann = driver.createUser({ first_name: 'Ann', language_code: 'en' });
    driver.userStartsBot(ann);
    await driver.waitForMessage(ann.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(ann, '/invite');
    const invite = await driver.waitForMessage(ann.id, (m) => textOf(m).includes('Invite friends'));
    const link = /https:\/\/t\.me\/(\w+)\?start=(ref_[0-9a-z]+)/.exec(textOf(invite));
    expect(link?.[1]).toBe(invite.from?.username);
    expect(textOf(invite)).toContain('Invited: 0');

    const ben = driver.createUser({ first_name: 'Ben', language_code: 'zh' });
    driver.userStartsBot(ben, link?.[2]);
    await driver.waitForMessage(ben.id, (m) => textOf(m).includes('你是受朋友邀请来的'));
    expect((await app.shop.referrals.referralInfo(String(ben.id))).invitedBy).toMatchObject({ referrerId: String(ann.id), status: 'PENDING' });

    // Ann's own link does nothing for Ann, and says why.
    driver.userStartsBot(ann, link?.[2]);
    await driver.waitForMessage(ann.id, (m) => textOf(m).includes('You cannot invite yourself'));
    driver.userSendsText(ann, '/invite');
    await driver.waitForMessage(ann.id, (m) => textOf(m).includes('Invited: 1'));
  });
});
