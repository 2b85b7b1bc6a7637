import { pressForgedButton } from './support/forged-press';
import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

describe('hostile chat input gets a polite answer and changes nothing (polling)', () => {
  let world: BotWorld;
  let pen: number;

  beforeAll(async () => {
    world = await startBotWorld('polling');
    const created = await world.app.shop.catalog.createProduct({ sku: 'PEN-1', title: 'A pen', kind: 'manual', price: { amount: 500 }, stock: 10 });
    if (!created.ok) throw new Error(created.error.message);
    pen = created.value.id;
  });
  afterAll(() => world.close());

  it('answers an unknown command, an admin command and a huge text with help, and never hints at admin commands', async () => {
    const { driver } = world;
    const mallory = driver.createUser({ first_name: 'Mallory' });
    driver.userSendsText(mallory, '/frobnicate now');
    const unknown = await driver.waitForMessage(mallory.id);
    expect(textOf(unknown)).toContain("Sorry, I didn't understand that.");
    expect(textOf(unknown)).toContain('/catalog');

    for (const adminCommand of ['/stats', '/refund T20250101000000000001', '/broadcast hi', '/credit 1 +1000 me', '/admin']) {
      driver.userSendsText(mallory, adminCommand);
      const answer = await driver.waitForMessage(mallory.id);
      expect(textOf(answer)).toBe(textOf(unknown));
      expect(
        driver
          .inlineKeyboard(answer)
          .flat()
          .some((b) => b.callback_data === 'ad'),
      ).toBe(false);
    }

    driver.userSendsText(mallory, 'x'.repeat(5000));
    const huge = await driver.waitForMessage(mallory.id);
    expect(textOf(huge)).toContain('That message is too long for me.');
    expect((await world.app.shop.account.getAccount(String(mallory.id))).balance).toBe(0);
  });

  it('answers forged and stale callback data politely and keeps working', async () => {
    const { driver } = world;
    const eve = driver.createUser({ first_name: 'Eve' });
    driver.userStartsBot(eve);
    const welcome = await driver.waitForMessage(eve.id, (m) => textOf(m).includes('Welcome'));
    for (const data of [
      'p:999999',
      'garbage',
      'q:1:-5',
      'a:0:1',
      'ck:NOT-AN-ORDER',
      'st',
      'jr:retry-deliveries',
      'bc:y:abc',
      'cx:T20990101000000000000',
      '💣'.repeat(16),
    ]) {
      const id = pressForgedButton(driver, eve, welcome, data);
      const answer = await driver.waitForCallbackAnswer(id, 10_000);
      expect(answer.text).toMatch(/out of date|no longer available|could not find/);
    }
    expect(await world.app.shop.ordering.viewCart(String(eve.id))).toMatchObject({ items: [] });
    await press(driver, eve, welcome, 'c:1');
    await driver.waitForEdit(eve.id, welcome.message_id, (m) => textOf(m).startsWith('Catalog'));
  });

  it('makes one order when the pay button is pressed twice', async () => {
    const { driver } = world;
    const dan = driver.createUser({ first_name: 'Dan' });
    driver.userStartsBot(dan, `p_${pen}`);
    const card = await driver.waitForMessage(dan.id, (m) => m.photo !== undefined);
    const first = driver.userPressesButton(dan, card.message_id, `a:${pen}:1`);
    const second = driver.userPressesButton(dan, card.message_id, `a:${pen}:1`);
    await Promise.all([driver.waitForCallbackAnswer(first), driver.waitForCallbackAnswer(second)]);
    expect((await world.app.shop.ordering.viewCart(String(dan.id))).items).toEqual([expect.objectContaining({ quantity: 1 })]);

    driver.userSendsText(dan, '/cart');
    const cart = await driver.waitForMessage(dan.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, dan, cart, /^co:/);
    const choice = await driver.waitForEdit(dan.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    const pay =
      driver
        .inlineKeyboard(choice)
        .flat()
        .find((b) => b.callback_data?.startsWith('pm:q:'))?.callback_data ?? '';
    const taps = [driver.userPressesButton(dan, choice.message_id, pay), driver.userPressesButton(dan, choice.message_id, pay)];
    await Promise.all(taps.map((id) => driver.waitForCallbackAnswer(id, 10_000)));
    await driver.waitForMessage(dan.id, (m) => m.photo !== undefined && textOf(m).startsWith('Scan'), 10_000);
    const again = pressForgedButton(driver, dan, choice, pay);
    expect((await driver.waitForCallbackAnswer(again, 10_000)).text).toMatch(/already placed/);

    const orders = await world.app.shop.ordering.listMyOrders(String(dan.id));
    expect(orders).toMatchObject({ ok: true, value: { total: 1 } });
    expect(driver.botMessages(dan.id).filter((m) => m.message.photo !== undefined && textOf(m.message).startsWith('Scan'))).toHaveLength(1);
  });

  it('keeps the order when the payment service is slow, and Retry brings the QR code', async () => {
    const { driver } = world;
    const sandbox = world.app.payments.sandbox;
    if (!sandbox) throw new Error('the sandbox gateway is not running');
    const fay = driver.createUser({ first_name: 'Fay' });
    driver.userStartsBot(fay, `p_${pen}`);
    const card = await driver.waitForMessage(fay.id, (m) => m.photo !== undefined);
    await press(driver, fay, card, `a:${pen}:1`);
    driver.userSendsText(fay, '/cart');
    const cart = await driver.waitForMessage(fay.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, fay, cart, /^co:/);
    const choice = await driver.waitForEdit(fay.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    sandbox.knobs.failNext('create', 3, { status: 500, code: 'SYSTEM_ERROR', message: 'injected' });
    try {
      await press(driver, fay, choice, /^pm:q:/);
      const slow = await driver.waitForMessage(fay.id, (m) => textOf(m).includes('payment service is slow'), 10_000);
      expect(slow.photo).toBeUndefined();
      await press(driver, fay, slow, /^rt:T\d{24}$/);
      const qr = await driver.waitForMessage(fay.id, (m) => m.photo !== undefined && textOf(m).startsWith('Scan'), 10_000);
      const orderNo = /T\d{24}/.exec(textOf(slow))?.[0] ?? 'no order number';
      expect(textOf(qr)).toContain(orderNo);
      await press(driver, fay, qr, `cx:${orderNo}`);
      const closed = await driver.waitForEdit(fay.id, qr.message_id, (m) => textOf(m).includes('is closed'), 10_000);
      expect(closed.reply_markup).toBeUndefined();
      const order = await world.app.shop.payment.getOrder(orderNo, null);
      expect(order.ok && order.value.order.status).toBe('CLOSED');
    } finally {
      sandbox.knobs.reset();
    }
    expect(await world.app.shop.ordering.listMyOrders(String(fay.id))).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('shows a product whose photo URL is broken with the placeholder picture', async () => {
    const { driver } = world;
    const broken = await world.app.shop.catalog.createProduct({
      sku: 'BROKEN-PHOTO',
      title: 'Lost photo',
      kind: 'manual',
      price: { amount: 100 },
      photoUrl: 'http://127.0.0.1:9/missing.png',
    });
    if (!broken.ok) throw new Error(broken.error.message);
    const gus = driver.createUser({ first_name: 'Gus' });
    driver.userStartsBot(gus, `p_${broken.value.id}`);
    const card = await driver.waitForMessage(gus.id, (m) => m.photo !== undefined, 15_000);
    expect(textOf(card)).toContain('Lost photo');
    expect(driver.downloadPhoto(card).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(world.botLog.some((l) => l.includes('product photo could not be sent'))).toBe(true);
  });

  it('builds every keyboard within 64 bytes of callback data (Telegram would refuse it)', () => {
    const refused = world.standIn.calls
      .all()
      .filter((c) => c.response?.ok === false && /BUTTON_DATA_INVALID|too long|can't parse/i.test(c.response.description ?? ''));
    expect(refused).toEqual([]);
  });
});
