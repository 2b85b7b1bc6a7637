// Issue 13's boundaries in chat, against the Bot API stand-in: a seller's order screen (My orders → the order →
// Confirm, then Fulfilled on the notice that a manual order waits for them), and every seller button and command
// forged by another seller (or a shopper) with that shop's order number or option id: refused, nothing changed.
import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { addSeller, giveProductTo } from '../support/marketplace';
import { BotWorld, buttonsOf, press, startBotWorld, textOf } from './support/bot-world';
import { pressForgedButton } from './support/forged-press';

describe('a seller’s orders in chat, and forged seller buttons (polling)', () => {
  let world: BotWorld;
  let ann: LocalUser;
  let ben: LocalUser;
  let sue: LocalUser;

  beforeAll(async () => {
    world = await startBotWorld('polling');
    ann = world.driver.createUser({ first_name: 'Ann', language_code: 'en' });
    ben = world.driver.createUser({ first_name: 'Ben', language_code: 'en' });
    sue = world.driver.createUser({ first_name: 'Sue', language_code: 'en' });
    for (const user of [ann, ben, sue]) {
      world.driver.userStartsBot(user);
      await world.driver.waitForMessage(user.id, (m) => textOf(m).includes('Welcome'));
    }
  });
  afterAll(() => world.close());

  const statusOf = async (orderNo: string) => {
    const story = await world.app.shop.reporting.orderStory(orderNo);
    if (!story.ok) throw new Error(story.error.message);
    return story.value.order.status;
  };
  const forged = async (user: LocalUser, data: string): Promise<string> => {
    world.driver.userSendsText(user, '/help');
    const own = await world.driver.waitForMessage(user.id, () => true, 10_000);
    const query = pressForgedButton(world.driver, user, own, data);
    return (await world.driver.waitForCallbackAnswer(query, 10_000)).text ?? '';
  };
  const say = async (user: LocalUser, text: string): Promise<string> => {
    world.driver.userSendsText(user, text);
    return textOf(await world.driver.waitForMessage(user.id, () => true, 10_000));
  };

  it('the owner confirms from the order screen and fulfils from the notice; another seller’s forged presses change nothing', async () => {
    const { app, driver } = world;
    const annShop = await addSeller(app.persistence, { telegramUserId: String(ann.id), shopName: 'Ann Lessons', confirmWindowMinutes: 60 });
    await addSeller(app.persistence, { telegramUserId: String(ben.id), shopName: 'Ben Bits' });
    const created = await app.shop.catalog.createProduct({ sku: 'LESSON', title: 'Piano lesson', kind: 'manual', price: { amount: 5000 }, stock: 3 });
    if (!created.ok) throw new Error(created.error.message);
    await giveProductTo(app.persistence, created.value.id, annShop.id);
    const option = await app.shop.ordering.addDeliveryOption(annShop.id, { name: 'Courier', fee: 500, estimatedDays: 1 });
    if (!option.ok) throw new Error(option.error.message);

    expect((await app.shop.account.adjustCredit({ userId: String(sue.id), amount: 20_000, reason: 'test' })).ok).toBe(true);
    const placed = await app.shop.payment.placeCheckout({
      shopperId: String(sue.id),
      idempotencyKey: 'chat-boundary-1',
      items: [{ productId: created.value.id, quantity: 1 }],
      paymentMethod: 'credit',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const mine = await app.shop.ordering.listSellerOrders(annShop.id, {});
    const orderNo = mine.ok ? (mine.value.items[0]?.orderNo ?? '') : '';
    expect(await statusOf(orderNo)).toBe('AWAITING_SELLER');
    await driver.waitForMessage(ann.id, (m) => textOf(m).includes(orderNo) && textOf(m).includes('waiting for you'), 15_000);

    // Ben (a seller) and Sue (a shopper) forge every seller button with Ann's order: refused, nothing moves.
    for (const data of [`sw:${orderNo}`, `sc:${orderNo}`, `sn:${orderNo}`, `sf:${orderNo}`]) {
      expect([data, await forged(ben, data)]).toEqual([data, 'I could not find that order.']);
      expect([data, await forged(sue, data)]).toEqual([data, expect.stringMatching(/active shop|not allowed/)]);
    }
    expect(await say(ben, `/ship ${orderNo} SF SF123`)).toBe('I could not find that order.');
    expect(await say(ben, `/delivery remove ${option.value.id}`)).toBe('I could not find that.');
    expect(await statusOf(orderNo)).toBe('AWAITING_SELLER');
    expect((await app.shop.ordering.listDeliveryOptions(annShop.id)).map((o) => o.id)).toEqual([option.value.id]);

    // Ann: /sell → My orders → the order → Confirm.
    driver.userSendsText(ann, '/sell');
    const menu = await driver.waitForMessage(ann.id, (m) => textOf(m).includes('🏪 Ann Lessons'), 10_000);
    await press(driver, ann, menu, 'sr:1');
    const list = await driver.waitForEdit(ann.id, menu.message_id, (m) => textOf(m).includes('Your orders'), 10_000);
    expect(buttonsOf(driver, list).map((b) => b.data)).toContain(`sw:${orderNo}`);
    await press(driver, ann, list, `sw:${orderNo}`);
    const card = await driver.waitForEdit(ann.id, menu.message_id, (m) => textOf(m).includes(`Order ${orderNo}`), 10_000);
    expect(textOf(card)).toContain('Piano lesson ×1');
    expect(buttonsOf(driver, card).map((b) => b.data)).toEqual(expect.arrayContaining([`sc:${orderNo}`, `sn:${orderNo}`]));
    await press(driver, ann, card, `sc:${orderNo}`);
    await driver.waitForEdit(ann.id, menu.message_id, (m) => textOf(m).includes(`Order ${orderNo} confirmed`), 10_000);

    // The manual order now waits for Ann's own hands: she is told, with the button; Ben's forged one does nothing.
    const toFulfil = await driver.waitForMessage(ann.id, (m) => textOf(m).includes(`Order ${orderNo}`) && textOf(m).includes('hand over'), 15_000);
    expect(buttonsOf(driver, toFulfil).map((b) => b.data)).toEqual([`sf:${orderNo}`]);
    expect(await forged(ben, `sf:${orderNo}`)).toBe('I could not find that order.');
    expect(await statusOf(orderNo)).toBe('PAID');
    await press(driver, ann, toFulfil, `sf:${orderNo}`);
    await driver.waitForEdit(ann.id, toFulfil.message_id, (m) => textOf(m).includes('is fulfilled'), 10_000);
    expect(await statusOf(orderNo)).toBe('DELIVERED');
    await driver.waitForMessage(sue.id, (m) => textOf(m).includes(orderNo) && /delivered/i.test(textOf(m)), 10_000);
    const [balance] = await app.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [annShop.id]);
    expect(Number(balance.balance_minor)).toBe(5000 - 500);
    // Pressed again (a stale button): refused, credited once.
    expect(await forged(ann, `sf:${orderNo}`)).toBe('This order cannot be fulfilled in its current state.');
  }, 90_000);

  it('a suspended shop’s goods are gone from inline search and deep links, and back once it is reinstated', async () => {
    const { app, driver } = world;
    const cal = driver.createUser({ first_name: 'Cal', language_code: 'en' });
    const calShop = await addSeller(app.persistence, { telegramUserId: String(cal.id), shopName: 'Cal Strings' });
    const made = await app.shop.catalog.createProduct(
      { sku: 'ZITHER', title: 'Zither strings', kind: 'manual', price: { amount: 1200 } },
      { sellerId: calShop.id },
    );
    if (!made.ok) throw new Error(made.error.message);
    const inline = async () => (await driver.waitForInlineAnswer(driver.userTypesInline(sue, 'zither'))).results.map((r) => r.id);
    expect(await inline()).toEqual([`p${made.value.id}`]);

    expect((await app.shop.sellers.decideSeller(calShop.id, 'suspend')).ok).toBe(true);
    expect(await inline()).toEqual([]);
    driver.userStartsBot(sue, `p_${made.value.id}`);
    // The welcome, then the product's answer: it is no longer available.
    await driver.waitForMessage(sue.id, (m) => textOf(m).includes('no longer available'), 10_000);

    expect((await app.shop.sellers.decideSeller(calShop.id, 'reinstate')).ok).toBe(true);
    expect(await inline()).toEqual([`p${made.value.id}`]);
    driver.userStartsBot(sue, `p_${made.value.id}`);
    await driver.waitForMessage(sue.id, (m) => textOf(m).includes('Zither strings'), 10_000);
  }, 60_000);
});
