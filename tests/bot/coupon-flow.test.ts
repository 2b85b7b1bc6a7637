import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

const ORDER_NO = /T\d{24}/;

describe('a shopper applies a coupon at checkout in Telegram', () => {
  let world: BotWorld;
  let key: number;

  beforeAll(async () => {
    world = await startBotWorld('polling', { redis: false });
    const created = await world.app.shop.catalog.createProduct({ sku: 'CPN-KEY', title: 'Coupon key', kind: 'manual', price: { amount: 2000 } });
    if (!created.ok) throw new Error(created.error.message);
    key = created.value.id;
    const coupon = await world.app.shop.coupons.createCoupon({ code: 'CHAT25', kind: 'percent', value: 2500, totalLimit: 1 });
    if (!coupon.ok) throw new Error(coupon.error.message);
  });
  afterAll(() => world.close());

  it('types a wrong code (told why), then a right one: the choice shows the discount and the order costs the new total', async () => {
    const { driver } = world;
    const carol: LocalUser = driver.createUser({ first_name: 'Carol', language_code: 'en' });
    driver.userStartsBot(carol);
    await driver.waitForMessage(carol.id, (m) => textOf(m).includes('Welcome, Carol'));
    const credited = await world.app.shop.account.adjustCredit({ userId: String(carol.id), amount: 5000, reason: 'gift' });
    if (!credited.ok) throw new Error(credited.error.message);

    driver.userStartsBot(carol, `p_${key}`);
    const card = await driver.waitForMessage(carol.id, (m) => textOf(m).includes('Coupon key'));
    await press(driver, carol, card, `a:${key}:1`);
    await driver.waitForEdit(carol.id, card.message_id, (m) => textOf(m).includes('In your cart: 1'));
    driver.userSendsText(carol, '/cart');
    const cart = await driver.waitForMessage(carol.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, carol, cart, /^co:/);
    const choice = await driver.waitForEdit(carol.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    expect(textOf(choice)).toContain('Total ¥20.00');

    await press(driver, carol, choice, /^cp:/);
    await driver.waitForMessage(carol.id, (m) => textOf(m) === 'Send the coupon code.');
    driver.userSendsText(carol, 'nope-nope');
    const refused = await driver.waitForMessage(carol.id, (m) => textOf(m).startsWith('There is no coupon with that code.'));
    expect(textOf(refused)).toContain('Apply coupon');

    await press(driver, carol, choice, /^cp:/);
    await driver.waitForMessage(carol.id, (m) => textOf(m) === 'Send the coupon code.');
    driver.userSendsText(carol, 'chat25');
    const discounted = await driver.waitForMessage(carol.id, (m) => textOf(m).startsWith('Coupon CHAT25'));
    expect(textOf(discounted)).toContain('Coupon CHAT25: −¥5.00. Total ¥15.00.');
    await press(driver, carol, discounted, /^pm:c:/);
    // Paid at once from the balance: the choice message becomes the order's message.
    const paid = await driver.waitForEdit(carol.id, discounted.message_id, (m) => textOf(m).startsWith('✅ Paid ¥15.00'), 10_000);
    const orderNo = ORDER_NO.exec(textOf(paid))?.[0] ?? '';
    const order = await world.app.shop.payment.getOrder(orderNo, null);
    expect(order.ok && order.value.order).toMatchObject({ totalAmount: 1500, couponCode: 'CHAT25', discountAmount: 500 });
    const account = await world.app.shop.account.getAccount(String(carol.id));
    expect(account.balance).toBe(3500);

    // The admin's /coupons lists it with its one use of one.
    const { admin } = world;
    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(admin, '/coupons');
    const listed = await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith('🎟 Coupons'));
    expect(textOf(listed)).toContain('CHAT25 · 25% · 1/1');
  });
});
