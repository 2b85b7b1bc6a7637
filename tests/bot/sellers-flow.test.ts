import { sellerRecipientOf } from '../../domain/messaging';
import { TypeormSellerRecipients } from '../../infrastructure/persistence/sellers/typeorm-seller-recipients';
import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, buttonsOf, press, startBotWorld, textOf } from './support/bot-world';
import { pressForgedButton } from './support/forged-press';

describe('the marketplace in chat: becoming a seller, a seller’s own goods, a shop’s shelf (webhook)', () => {
  let world: BotWorld;
  let sam: LocalUser;
  let bob: LocalUser;
  let shopper: LocalUser;

  beforeAll(async () => {
    world = await startBotWorld('webhook');
    for (const user of [world.admin]) {
      world.driver.userStartsBot(user);
      await world.driver.waitForMessage(user.id, (m) => textOf(m).includes('Welcome'));
    }
    sam = world.driver.createUser({ first_name: 'Sam' });
    bob = world.driver.createUser({ first_name: 'Bob' });
    shopper = world.driver.createUser({ first_name: 'Sue' });
    for (const user of [sam, bob, shopper]) {
      world.driver.userStartsBot(user);
      await world.driver.waitForMessage(user.id, (m) => textOf(m).includes('Welcome'));
    }
  });
  afterAll(() => world.close());

  const say = async (user: LocalUser, text: string, expected?: string): Promise<string> => {
    world.driver.userSendsText(user, text);
    return textOf(await world.driver.waitForMessage(user.id, expected ? (m) => textOf(m).includes(expected) : () => true, 10_000));
  };

  it('applies with /sell, the admin approves with a button, and the applicant hears it', async () => {
    expect(await say(sam, '/sell')).toContain('What is it called?');
    expect(await say(sam, 'S')).toContain('at least 2');
    expect(await say(sam, "Sam's teas", 'reach you')).toContain('reach you');
    expect(await say(sam, '@samteas')).toContain('What do you sell?');
    expect(await say(sam, 'Oolong and green tea')).toContain('Your application for "Sam\'s teas" is in');
    await world.driver.waitForMessage(world.admin.id, (m) => textOf(m).includes('A new shop applied: #') && textOf(m).includes("Sam's teas"), 10_000);
    expect(await say(sam, '/sell')).toContain('waiting for the admins');

    world.driver.userSendsText(world.admin, '/sellers');
    const list = await world.driver.waitForMessage(world.admin.id, (m) => textOf(m).includes('Shops ('), 10_000);
    expect(textOf(list)).toContain("Sam's teas — pending");
    await press(world.driver, world.admin, list, /^sd:\d+:a$/);
    await world.driver.waitForMessage(sam.id, (m) => textOf(m).includes('Your shop "Sam\'s teas" is approved'), 10_000);
    expect(await say(sam, '/sell')).toContain("🏪 Sam's teas");
  });

  it('a seller lists and changes only their own goods; forged buttons and ids of another shop change nothing', async () => {
    const made = await say(sam, '/additem TEA-1 9.90 Green tea', 'is listed');
    const id = Number(/#(\d+)/.exec(made)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(await say(sam, `/mystock ${id} 4`)).toContain('is saved');

    const bobs = await world.app.shop.sellers.createSeller({ shopName: "Bob's bits", contact: '@bob', telegramUserId: String(bob.id) });
    expect(bobs.ok).toBe(true);
    await world.driver.waitForMessage(bob.id, (m) => textOf(m).includes('approved'), 10_000);
    expect(await say(bob, `/myprice ${id} 0.01`)).toContain('no longer available');
    expect(await say(bob, `/mystock ${id} 0`)).toContain('no longer available');
    // Bob forges Sam's hide button onto a message of his own.
    world.driver.userSendsText(bob, '/sell');
    const menu = await world.driver.waitForMessage(bob.id, (m) => textOf(m).includes("Bob's bits"), 10_000);
    const query = pressForgedButton(world.driver, bob, menu, `sv:${id}:0`);
    expect((await world.driver.waitForCallbackAnswer(query, 10_000)).text).toMatch(/no longer available/i);
    const still = await world.app.shop.catalog.getProduct(id);
    expect(still.ok && still.value).toMatchObject({ visible: true, stock: 4, price: { amount: 990 } });
    // A shopper without a shop: seller commands say so and do nothing.
    expect(await say(shopper, `/mystock ${id} 0`)).toContain('sellers with an active shop');

    // Sam hides and shows it again from the product's sheet.
    world.driver.userSendsText(sam, '/sell');
    const samMenu = await world.driver.waitForMessage(sam.id, (m) => textOf(m).includes("Sam's teas"), 10_000);
    await press(world.driver, sam, samMenu, 'sl:1');
    const products = await world.driver.waitForEdit(sam.id, samMenu.message_id, (m) => textOf(m).includes('Your products'), 10_000);
    await press(world.driver, sam, products, `sp:${id}`);
    const sheet = await world.driver.waitForEdit(sam.id, samMenu.message_id, (m) => textOf(m).includes('SKU: TEA-1'), 10_000);
    await press(world.driver, sam, sheet, `sv:${id}:0`);
    await world.driver.waitForEdit(sam.id, samMenu.message_id, (m) => textOf(m).includes('Visible: no'), 10_000);
    const hidden = await world.app.shop.catalog.getProduct(id, { includeHidden: true });
    expect(hidden.ok && hidden.value.visible).toBe(false);
    await world.app.shop.catalog.updateProduct(id, { visible: true });

    // Mail for notices: the person's address, which their shop's mail follows while the shop has none of its own (the
    // chat only sets the address; messaging decides where a shop's mail goes).
    expect(await say(sam, '/email nope')).toContain('/email you@example.com');
    expect(await say(sam, '/email sam@example.com')).toContain('Order notices will also be mailed to sam@example.com');
    const shop = await world.app.shop.sellers.sellerOfTelegramUser(String(sam.id));
    if (!shop) throw new Error('no shop');
    expect(shop.email).toBeNull();
    const contact = await new TypeormSellerRecipients(world.app.persistence.dataSource.manager).find(shop.id);
    expect(contact && sellerRecipientOf(contact).email).toBe('sam@example.com');
  });

  it('shoppers see which shop sells an item and browse that shop', async () => {
    const found = await world.app.shop.catalog.browseProducts({ q: 'Green tea' });
    const product = found.ok ? found.value.items[0] : undefined;
    if (!product) throw new Error('no product');
    world.driver.userSendsText(shopper, '/catalog');
    const catalog = await world.driver.waitForMessage(shopper.id, (m) => buttonsOf(world.driver, m).some((b) => b.data === `p:${product.id}`), 10_000);
    await press(world.driver, shopper, catalog, `p:${product.id}`);
    const card = await world.driver.waitForMessage(shopper.id, (m) => textOf(m).includes('Green tea'), 10_000);
    expect(textOf(card)).toContain("Sold by: Sam's teas");
    await press(world.driver, shopper, card, `sh:${product.sellerId}:1`);
    const shelf = await world.driver.waitForMessage(shopper.id, (m) => textOf(m).includes("🏪 Sam's teas"), 10_000);
    expect(buttonsOf(world.driver, shelf).map((b) => b.data)).toContain(`p:${product.id}`);
  });
});
