import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

describe('search in chat and inline mode, against the Bot API stand-in', () => {
  let world: BotWorld;
  const ids: number[] = [];

  beforeAll(async () => {
    world = await startBotWorld('polling');
    for (let i = 1; i <= 12; i += 1) {
      const created = await world.app.shop.catalog.createProduct({
        sku: `CARD-${i}`,
        title: `Gift card ${i}`,
        description: i === 1 ? '会员月卡' : 'a card',
        kind: 'manual',
        price: { amount: 100 * i },
      });
      if (!created.ok) throw new Error(created.error.message);
      ids.push(created.value.id);
    }
    const first = ids[0] ?? 0;
    const texts = await world.app.shop.catalog.setProductTexts(first, { ru: { title: 'Подарочная карта 1' } });
    if (!texts.ok) throw new Error(texts.error.message);
  });
  afterAll(() => world.close());

  it('plain text is a search: a paged list of product buttons, in the shopper’s language', async () => {
    const { driver } = world;
    const ivan = driver.createUser({ first_name: 'Ivan', language_code: 'ru' });
    driver.userSendsText(ivan, 'card');
    const list = await driver.waitForMessage(ivan.id);
    expect(textOf(list)).toContain('card');
    const buttons = driver.inlineKeyboard(list).flat();
    expect(buttons.filter((b) => b.callback_data?.startsWith('p:'))).toHaveLength(8);
    await press(driver, ivan, list, 's:2');
    const second = await driver.waitForEdit(
      ivan.id,
      list.message_id,
      (m) =>
        driver
          .inlineKeyboard(m)
          .flat()
          .filter((b) => b.callback_data?.startsWith('p:')).length === 4,
    );
    expect(textOf(second)).toContain('12');

    driver.userSendsText(ivan, '会员');
    const cjk = await driver.waitForMessage(ivan.id);
    expect(
      driver
        .inlineKeyboard(cjk)
        .flat()
        .filter((b) => b.callback_data?.startsWith('p:')),
    ).toEqual([expect.objectContaining({ callback_data: `p:${ids[0]}` })]);

    driver.userSendsText(ivan, 'zzzz-nothing');
    expect(textOf(await driver.waitForMessage(ivan.id))).toContain('zzzz-nothing');
  });

  it('inline mode answers with product results that open the product in the bot, paged by next_offset', async () => {
    const { driver } = world;
    const ann = driver.createUser({ first_name: 'Ann' });
    const first = await driver.waitForInlineAnswer(driver.userTypesInline(ann, 'gift card'));
    expect(first.results).toHaveLength(12);
    expect(first.next_offset).toBe('');
    const top = first.results.find((r) => r.id === `p${ids[0]}`);
    expect(top).toMatchObject({ type: 'article', title: 'Gift card 1', input_message_content: { message_text: 'Gift card 1 — ¥1.00' } });
    const url = (top?.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> }).inline_keyboard[0]?.[0]?.url;
    expect(url).toBe(`https://t.me/${driver.botInfo.username}?start=p_${ids[0]}`);

    const all = await driver.waitForInlineAnswer(driver.userTypesInline(ann, ''));
    expect(all.results).toHaveLength(12);

    driver.userStartsBot(ann, `p_${ids[0]}`);
    const card = await driver.waitForMessage(ann.id, (m) => m.photo !== undefined || textOf(m).includes('Gift card 1 '));
    expect(textOf(card)).toContain('Gift card 1');
  });

  it('an admin sends a catalog file: the bot imports it and reports back, bad rows with their lines', async () => {
    const { driver, admin } = world;
    driver.userSendsDocument(admin, 'catalog.csv', 'sku,kind,title,price\nBOT-1,manual,Bot import,2.50\nBOT-2,manual,Broken,2.5.0\n');
    expect(textOf(await driver.waitForMessage(admin.id))).toContain('Importing the catalog');
    const invalid = await driver.waitForMessage(admin.id);
    expect(textOf(invalid)).toContain('1 of 2 rows have problems');
    expect(textOf(invalid)).toContain('line 3, price:');
    driver.userSendsDocument(admin, 'catalog.yaml', '- sku: BOT-1\n  kind: manual\n  title: Bot import\n  price: 2.50\n');
    await driver.waitForMessage(admin.id);
    expect(textOf(await driver.waitForMessage(admin.id))).toContain('1 new');
    const found = await world.app.shop.catalog.browseProducts({ q: 'BOT-1' });
    expect(found).toMatchObject({ ok: true, value: { items: [{ sku: 'BOT-1', price: { amount: 250 } }] } });
  });
});
