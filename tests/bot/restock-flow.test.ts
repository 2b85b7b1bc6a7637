// "Notify me" against the Bot API stand-in: the button on a sold-out card, and a crowd of waiting shoppers told once
// each when codes come back, paced by the bot's outgoing queue (no 429 from Telegram, never above its rate).
import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

const CROWD = 60;

describe('restock alerts in Telegram', () => {
  let world: BotWorld;
  let keys: number;
  beforeAll(async () => {
    world = await startBotWorld('polling');
    const created = await world.app.shop.catalog.createProduct({
      sku: 'RARE',
      title: 'Rare key',
      description: 'Sold out often',
      kind: 'code',
      price: { amount: 900 },
    });
    if (!created.ok) throw new Error(created.error.message);
    keys = created.value.id;
  });
  afterAll(() => world.close());

  it('tells every waiting shopper once, paced, when codes are added', async () => {
    const { driver, standIn } = world;
    const alice: LocalUser = driver.createUser({ first_name: 'Alice', language_code: 'en' });
    driver.userStartsBot(alice, `p_${keys}`);
    const card = await driver.waitForMessage(alice.id, (m) => textOf(m).includes('Rare key'), 10_000);
    expect(textOf(card)).toContain('Sold out');
    await press(driver, alice, card, `nm:${keys}`);

    const crowd: LocalUser[] = Array.from({ length: CROWD }, (_, i) => driver.createUser({ first_name: `Fan${i}`, language_code: 'en' }));
    for (const fan of crowd) driver.userStartsBot(fan);
    for (const fan of crowd) await driver.waitForMessage(fan.id, (m) => textOf(m).includes('Welcome'), 30_000);
    for (const fan of crowd) {
      const asked = await world.app.shop.restock.notifyMe(String(fan.id), keys);
      expect(asked.ok).toBe(true);
    }

    const before = standIn.calls.all().length;
    const added = await world.app.shop.catalog.addCodes(keys, ['RK-1']);
    expect(added.ok).toBe(true);
    for (const person of [alice, ...crowd]) {
      const told = await driver.waitForMessage(person.id, (m) => textOf(m) === '🔔 Back in stock: Rare key', 30_000);
      expect(
        driver
          .inlineKeyboard(told)
          .flat()
          .map((b) => b.callback_data),
      ).toEqual([`p:${keys}`]);
    }
    // Once each, and Telegram never had to say "too many requests".
    for (const person of [alice, ...crowd])
      expect(driver.botMessages(person.id).filter((m) => textOf(m.message).startsWith('🔔 Back in stock'))).toHaveLength(1);
    const sends = standIn.calls
      .all()
      .slice(before)
      .filter((c) => c.method === 'sendMessage');
    expect(sends.filter((c) => c.response?.ok === false)).toEqual([]);
    expect(standIn.sendRates().maxGlobal).toBeLessThanOrEqual(30);
    expect(standIn.sendRates().maxPerChat).toBeLessThanOrEqual(3);
  }, 90_000);
});
