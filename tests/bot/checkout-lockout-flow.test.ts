// Issue 15, item 6, in the chat: a shopper locked out of checkout who presses "pay" is told why and until when (in
// their language, in the shop's time zone); an admin sees the lockout with /lockout and lifts it, and checkout works.
import { noteCheckoutFailure } from '../../domain/account';
import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, buttonsOf, press, startBotWorld, textOf } from './support/bot-world';

describe('checkout lockout in Telegram', () => {
  let world: BotWorld;
  let pen: number;

  beforeAll(async () => {
    world = await startBotWorld('polling', { env: { CHECKOUT_LOCKOUT_FAILURES: '2', CHECKOUT_LOCKOUT_MINUTES: '30' } });
    const created = await world.app.shop.catalog.createProduct({ sku: 'LK-PEN', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 50 });
    if (!created.ok) throw new Error(created.error.message);
    pen = created.value.id;
    world.driver.userStartsBot(world.admin);
    await world.driver.waitForMessage(world.admin.id, (m) => textOf(m).includes('Welcome'));
  });
  afterAll(() => world.close());

  /** Two refused coupons (the failures another use case notes in its own transaction) lock the shopper. */
  const lockOut = async (user: LocalUser) => {
    const { uow, config } = { uow: world.app.persistence.uow, config: world.app.config };
    for (const ref of ['SPRING10', 'SPRING20'])
      await uow.run((tx) => noteCheckoutFailure(tx, config.limits, String(user.id), 'COUPON_REFUSED', new Date(), ref));
  };

  /** Puts a pen in the cart and presses the QR payment button; resolves with what the callback answer said. */
  const tryToPay = async (user: LocalUser): Promise<{ alert: string | undefined; cartId: number }> => {
    const { driver } = world;
    const added = await world.app.shop.ordering.addToCart(String(user.id), pen, 1);
    if (!added.ok) throw new Error(added.error.message);
    driver.userSendsText(user, '/cart');
    const hasButton = (m: Parameters<typeof textOf>[0], data: RegExp) => buttonsOf(driver, m).some((b) => data.test(b.data));
    const cart = await driver.waitForMessage(user.id, (m) => hasButton(m, /^co:/));
    await press(driver, user, cart, /^co:/);
    const choice = await driver.waitForEdit(user.id, cart.message_id, (m) => hasButton(m, /^pm:q:/));
    const button = buttonsOf(driver, choice).find((b) => /^pm:q:/.test(b.data));
    if (!button) throw new Error('no QR payment button');
    const id = driver.userPressesButton(user, choice.message_id, button.data);
    const answer = await driver.waitForCallbackAnswer(id, 10_000);
    return { alert: answer.text, cartId: cart.message_id };
  };

  it('refuses the locked shopper with until-when in their language; the admin sees and lifts it; then checkout works', async () => {
    const { driver } = world;
    const ivan = driver.createUser({ first_name: 'Ivan', language_code: 'ru' });
    driver.userStartsBot(ivan);
    await driver.waitForMessage(ivan.id, () => true);
    await lockOut(ivan);

    const refused = await tryToPay(ivan);
    expect(refused.alert).toMatch(/оформление приостановлено до \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/);
    expect(await world.app.shop.ordering.listMyOrders(String(ivan.id))).toMatchObject({ ok: true, value: { total: 0 } });

    driver.userSendsText(world.admin, `/lockout ${ivan.id}`);
    const shown = textOf(await driver.waitForMessage(world.admin.id, (m) => textOf(m).includes(String(ivan.id)), 10_000));
    expect(shown).toMatch(new RegExp(`Shopper ${ivan.id} is locked out of checkout until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`));
    expect(shown).toContain('COUPON_REFUSED SPRING20');
    expect(shown).toContain('COUPON_REFUSED SPRING10');

    driver.userSendsText(world.admin, `/lockout ${ivan.id} lift`);
    const lifted = textOf(await driver.waitForMessage(world.admin.id, (m) => textOf(m).includes('is not locked out'), 10_000));
    expect(lifted).toContain(`Shopper ${ivan.id} is not locked out of checkout.`);

    const paid = await tryToPay(ivan);
    expect(paid.alert ?? '').not.toMatch(/приостановлено/);
    await driver.waitForMessage(ivan.id, (m) => m.photo !== undefined, 10_000);
  });

  it('says it in English and Chinese too', async () => {
    const { driver } = world;
    for (const [lang, words] of [
      ['en', /checkout is paused for you until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/],
      ['zh', /结账已暂停至 \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/],
    ] as const) {
      const user = driver.createUser({ first_name: `L${lang}`, language_code: lang });
      driver.userStartsBot(user);
      await driver.waitForMessage(user.id, () => true);
      await lockOut(user);
      expect((await tryToPay(user)).alert).toMatch(words);
    }
  });
});
