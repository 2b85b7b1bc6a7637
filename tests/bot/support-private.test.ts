// The support desk without SUPPORT_CHAT_ID: every admin gets the tickets in their private chat with the bot, and
// answers by replying to a ticket's message or with /reply (a photo captioned "/reply <ticket> …").
import { PNG } from 'pngjs';
import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, startBotWorld, textOf } from './support/bot-world';

function png(shade: number): Buffer {
  const image = new PNG({ width: 3, height: 2 });
  image.data.fill(shade);
  return PNG.sync.write(image);
}

describe('support desk in Telegram, admins written to privately', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld('webhook');
  });
  afterAll(() => world.close());

  it('relays a ticket to the admin and the admin’s replies (a reply, a captioned photo) back', async () => {
    const { driver, admin } = world;
    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    const dana: LocalUser = driver.createUser({ first_name: 'Dana', language_code: 'ru' });
    driver.userStartsBot(dana);
    await driver.waitForMessage(dana.id, (m) => textOf(m).length > 0);
    driver.userSendsText(dana, '/support');
    const opened = await driver.waitForMessage(dana.id, (m) => /Обращение #\d+ открыто/.test(textOf(m)));
    const ticketId = Number(/#(\d+)/.exec(textOf(opened))?.[1]);

    const announced = await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith(`🎫 New ticket #${ticketId} from Dana`), 15_000);
    expect(textOf(announced)).toContain(`/reply ${ticketId}`);
    const shot = png(90);
    driver.userSendsPhoto(dana, shot, { caption: 'экран' });
    const relayed = await driver.waitForMessage(admin.id, (m) => m.photo !== undefined, 15_000);
    expect(textOf(relayed)).toBe(`🎫 #${ticketId} · Dana\nэкран`);

    driver.userSendsText(admin, 'Which browser?', { replyToMessageId: relayed.message_id });
    await driver.waitForMessage(admin.id, (m) => textOf(m) === `✓ Sent to the shopper (ticket #${ticketId}).`);
    await driver.waitForMessage(dana.id, (m) => textOf(m) === `💬 Поддержка · обращение #${ticketId}\nWhich browser?`, 15_000);

    const answer = png(10);
    driver.userSendsPhoto(admin, answer, { caption: `/reply ${ticketId} like this` });
    const got = await driver.waitForMessage(dana.id, (m) => m.photo !== undefined, 15_000);
    expect(textOf(got)).toBe(`💬 Поддержка · обращение #${ticketId}\nlike this`);
    expect(driver.downloadPhoto(got).equals(answer)).toBe(true);

    driver.userSendsText(admin, `/ticket ${ticketId}`);
    const history = await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith(`🎫 Ticket #${ticketId}`));
    expect(textOf(history)).toContain('Dana: [photo] экран');
    expect(textOf(history)).toContain('💬 Admin: Which browser?');
  }, 60_000);
});
