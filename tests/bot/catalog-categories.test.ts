import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

describe('browsing the catalog by category in Telegram', () => {
  let world: BotWorld;
  let games: number;
  let keys: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    world = await startBotWorld('polling');
    const { catalog } = world.app.shop;
    const g = await catalog.createCategory({ slug: 'games', name: 'Games' });
    if (!g.ok) throw new Error(g.error.message);
    games = g.value.id;
    const k = await catalog.createCategory({ slug: 'keys', name: 'Keys', parentId: games });
    if (!k.ok) throw new Error(k.error.message);
    keys = k.value.id;
    for (const [sku, title, categoryId] of [
      ['MUG', 'Mug', null],
      ['CONSOLE', 'Console', games],
      ['STEAM-KEY', 'Steam key', keys],
    ] as const) {
      const created = await catalog.createProduct({ sku, title, kind: 'manual', price: { amount: 500 }, categoryId });
      if (!created.ok) throw new Error(created.error.message);
      ids[sku] = created.value.id;
    }
  });
  afterAll(() => world.close());

  it('shows the categories above the products, then a category with its subcategories and everything below it', async () => {
    const { driver } = world;
    const bob = driver.createUser({ first_name: 'Bob', language_code: 'en' });
    driver.userStartsBot(bob);
    const welcome = await driver.waitForMessage(bob.id, (m) => textOf(m).includes('Welcome, Bob'));
    await press(driver, bob, welcome, 'c:1');
    const catalog = await driver.waitForEdit(bob.id, welcome.message_id, (m) => textOf(m).startsWith('Catalog'));
    const buttons = (m: typeof catalog): string[] =>
      (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => String(b && 'callback_data' in b ? b.callback_data : ''));
    expect(buttons(catalog)).toEqual(expect.arrayContaining([`g:${games}:1`, `p:${ids.MUG}`, `p:${ids.CONSOLE}`]));
    expect(buttons(catalog)).not.toContain(`g:${keys}:1`);

    await press(driver, bob, catalog, `g:${games}:1`);
    const shelf = await driver.waitForEdit(bob.id, welcome.message_id, (m) => textOf(m).startsWith('Games — page 1 of 1'));
    expect(buttons(shelf)).toEqual(expect.arrayContaining([`g:${keys}:1`, `p:${ids.CONSOLE}`, `p:${ids['STEAM-KEY']}`]));
    expect(buttons(shelf)).not.toContain(`p:${ids.MUG}`);

    await press(driver, bob, shelf, `g:${keys}:1`);
    const sub = await driver.waitForEdit(bob.id, welcome.message_id, (m) => textOf(m).startsWith('Keys — page 1 of 1'));
    expect(buttons(sub).filter((b) => b.startsWith('p:'))).toEqual([`p:${ids['STEAM-KEY']}`]);
    expect(buttons(sub)).toContain(`g:${games}:1`);
  });
});
