import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotMode, BotWorld, buttonsOf, decodeQr, payOnSandboxPage, press, startBotWorld, textOf } from './support/bot-world';

const ORDER_NO = /T\d{24}/;

describe.each<BotMode>(['polling', 'webhook'])('a shopper in Telegram, end to end against the Bot API stand-in (%s)', (mode) => {
  let world: BotWorld;
  let vpn: number;

  beforeAll(async () => {
    world = await startBotWorld(mode, { redis: mode === 'webhook' });
    const created = await world.app.shop.catalog.createProduct({
      sku: 'VPN-30D',
      title: 'VPN 30 days',
      description: 'One month of VPN',
      kind: 'code',
      price: { amount: 990 },
    });
    if (!created.ok) throw new Error(created.error.message);
    vpn = created.value.id;
    const codes = await world.app.shop.catalog.addCodes(vpn, ['VPN-AAAA-0001', 'VPN-AAAA-0002', 'VPN-AAAA-0003', 'VPN-AAAA-0004']);
    if (!codes.ok) throw new Error(codes.error.message);
  });
  afterAll(() => world.close());

  const shopper = (name: string, language = 'en'): LocalUser => world.driver.createUser({ first_name: name, language_code: language });

  it('finds a product through the buttons, pays the QR code on the sandbox pay page, and gets the code', async () => {
    const { driver } = world;
    const alice = shopper('Alice');
    driver.userStartsBot(alice);
    const welcome = await driver.waitForMessage(alice.id, (m) => textOf(m).includes('Welcome, Alice'));
    await press(driver, alice, welcome, 'c:1');
    const catalog = await driver.waitForEdit(alice.id, welcome.message_id, (m) => textOf(m).startsWith('Catalog'));
    await press(driver, alice, catalog, `p:${vpn}`);
    const card = await driver.waitForMessage(alice.id, (m) => m.photo !== undefined);
    expect(textOf(card)).toContain('VPN 30 days');
    expect(textOf(card)).toContain('¥9.90');

    await press(driver, alice, card, `a:${vpn}:1`);
    const carded = await driver.waitForEdit(alice.id, card.message_id, (m) => textOf(m).includes('In your cart: 1'));
    await press(driver, alice, carded, 'k');
    const cart = await driver.waitForMessage(alice.id, (m) => textOf(m).startsWith('Your cart'));
    expect(textOf(cart)).toContain('Total: ¥9.90');
    await press(driver, alice, cart, /^co:/);
    const choice = await driver.waitForEdit(alice.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    await press(driver, alice, choice, /^pm:q:/);

    const qr = await driver.waitForMessage(alice.id, (m) => m.photo !== undefined && textOf(m).startsWith('Scan'), 10_000);
    const orderNo = ORDER_NO.exec(textOf(qr))?.[0] ?? '';
    expect(textOf(qr)).toContain('¥9.90');
    expect(textOf(qr)).toMatch(/Pay before: \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)/);
    const codeUrl = decodeQr(driver.downloadPhoto(qr));
    expect(codeUrl).toMatch(/^http/);
    await payOnSandboxPage(codeUrl ?? '');

    const delivery = await driver.waitForMessage(alice.id, (m) => textOf(m).includes(`${orderNo} is delivered`), 15_000);
    expect(textOf(delivery)).toMatch(/VPN-AAAA-000\d/);
    const edited = await driver.waitForEdit(alice.id, qr.message_id, (m) => textOf(m).startsWith('📦 Delivered'), 15_000);
    expect(edited.reply_markup).toBeUndefined();

    driver.userSendsText(alice, '/orders');
    const orders = await driver.waitForMessage(alice.id, (m) => textOf(m).startsWith('Your latest orders'));
    expect(textOf(orders)).toContain(`${orderNo} · ¥9.90 · delivered`);
    // The code bought is in the list too, under its order.
    const code = /VPN-AAAA-000\d/.exec(textOf(delivery))?.[0] ?? 'no code delivered';
    expect(textOf(orders)).toContain(`${orderNo} · ¥9.90 · delivered\n  🔑 ${code}`);
  });

  it('picks Alipay among the methods in the shop’s order, pays on the Alipay page, and gets the code', async () => {
    const { driver } = world;
    const erin = shopper('Erin');
    driver.userStartsBot(erin);
    const welcome = await driver.waitForMessage(erin.id, (m) => textOf(m).includes('Welcome, Erin'));
    await press(driver, erin, welcome, 'c:1');
    const catalog = await driver.waitForEdit(erin.id, welcome.message_id, (m) => textOf(m).startsWith('Catalog'));
    await press(driver, erin, catalog, `p:${vpn}`);
    const card = await driver.waitForMessage(erin.id, (m) => m.photo !== undefined);
    await press(driver, erin, card, `a:${vpn}:1`);
    const carded = await driver.waitForEdit(erin.id, card.message_id, (m) => textOf(m).includes('In your cart: 1'));
    await press(driver, erin, carded, 'k');
    const cart = await driver.waitForMessage(erin.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, erin, cart, /^co:/);
    const choice = await driver.waitForEdit(erin.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    expect(buttonsOf(driver, choice).map((b) => b.text.replace(/ \(¥.*$/, ''))).toEqual([
      '💳 WeChat Pay (QR code)',
      '💳 Alipay (QR code)',
      '💰 Credit balance',
      '🎟 Apply coupon',
      '◀️ Back',
    ]);
    await press(driver, erin, choice, /^pm:a:/);

    const qr = await driver.waitForMessage(erin.id, (m) => m.photo !== undefined && textOf(m).startsWith('Scan with Alipay'), 10_000);
    const orderNo = ORDER_NO.exec(textOf(qr))?.[0] ?? '';
    const codeUrl = decodeQr(driver.downloadPhoto(qr)) ?? '';
    expect(codeUrl).toMatch(/\/alipay\/qr\//);
    await payOnSandboxPage(codeUrl);
    const delivery = await driver.waitForMessage(erin.id, (m) => textOf(m).includes(`${orderNo} is delivered`), 15_000);
    expect(textOf(delivery)).toMatch(/VPN-AAAA-000\d/);
    expect((await world.app.shop.payment.getOrder(orderNo, null)).ok).toBe(true);
  });

  it('buys with credit an admin gave, and /balance shows what is left', async () => {
    const { driver, admin } = world;
    const bob = shopper('Bob');
    driver.userStartsBot(bob);
    await driver.waitForMessage(bob.id, (m) => textOf(m).includes('Welcome, Bob'));

    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(admin, `/credit ${bob.id} +50 welcome gift`);
    const done = await driver.waitForMessage(admin.id, (m) => textOf(m).includes(`Balance of ${bob.id}`));
    expect(textOf(done)).toContain('+¥50.00');
    const notice = await driver.waitForMessage(bob.id, (m) => textOf(m).includes('credit balance changed'), 10_000);
    expect(textOf(notice)).toContain('¥50.00');

    driver.userStartsBot(bob, `p_${vpn}`);
    const card = await driver.waitForMessage(bob.id, (m) => m.photo !== undefined);
    await press(driver, bob, card, `a:${vpn}:1`);
    await driver.waitForEdit(bob.id, card.message_id, (m) => textOf(m).includes('In your cart: 1'));
    driver.userSendsText(bob, '/cart');
    const cart = await driver.waitForMessage(bob.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, bob, cart, /^co:/);
    const choice = await driver.waitForEdit(bob.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    expect(textOf(choice)).toContain('¥9.90');
    await press(driver, bob, choice, /^pm:c:/);

    const delivery = await driver.waitForMessage(bob.id, (m) => /T\d{24} is delivered/.test(textOf(m)), 15_000);
    expect(textOf(delivery)).toMatch(/VPN-AAAA-000\d/);
    await driver.waitForEdit(bob.id, cart.message_id, (m) => textOf(m).startsWith('📦 Delivered'), 15_000);

    driver.userSendsText(bob, '/balance');
    const balance = await driver.waitForMessage(bob.id, (m) => textOf(m).startsWith('Your credit balance'));
    expect(textOf(balance)).toContain('Your credit balance: ¥40.10');
    expect(textOf(balance)).toContain('-¥9.90');
    expect(textOf(balance)).toContain('+¥50.00');
  });

  it("speaks the language chosen with /lang, and Telegram's language_code before that", async () => {
    const { driver } = world;
    const ivan = shopper('Иван', 'zh-hans');
    driver.userStartsBot(ivan);
    const welcome = await driver.waitForMessage(ivan.id);
    expect(textOf(welcome)).toContain('欢迎，Иван');
    driver.userSendsText(ivan, '/lang ru');
    const switched = await driver.waitForMessage(ivan.id);
    expect(textOf(switched)).toContain('Теперь я буду говорить по-русски.');
    driver.userSendsText(ivan, '/help');
    const help = await driver.waitForMessage(ivan.id);
    expect(textOf(help)).toContain('Вот что я умею');
  });

  it('pages through more orders than fit one message, forward and back', async () => {
    const { driver, app } = world;
    const dora = shopper('Dora');
    driver.userStartsBot(dora);
    await driver.waitForMessage(dora.id, (m) => textOf(m).includes('Welcome, Dora'));
    const sticker = await app.shop.catalog.createProduct({ sku: `STICKER-${mode}`, title: 'Sticker', kind: 'manual', price: { amount: 100 } });
    if (!sticker.ok) throw new Error(sticker.error.message);
    const given = await app.shop.account.adjustCredit({ userId: String(dora.id), amount: 5000, reason: 'test credit' });
    if (!given.ok) throw new Error(given.error.message);
    const orderNos: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const placed = await app.shop.payment.checkout({
        shopperId: String(dora.id),
        idempotencyKey: `paging-${mode}-${i}`,
        items: [{ productId: sticker.value.id, quantity: 1 }],
        paymentMethod: 'credit',
      });
      if (!placed.ok) throw new Error(placed.error.message);
      orderNos.push(placed.value.order.orderNo);
    }

    driver.userSendsText(dora, '/orders');
    const first = await driver.waitForMessage(dora.id, (m) => textOf(m).startsWith('Your latest orders'));
    expect(textOf(first)).toContain('page 1 of 2');
    expect(textOf(first)).toContain(orderNos[11]);
    expect(textOf(first)).not.toContain(orderNos[0]);
    const pagerOf = (m: typeof first) =>
      buttonsOf(driver, m)
        .map((b) => b.data)
        .filter((d) => d.startsWith('mo:'));
    expect(pagerOf(first)).toEqual(['mo:2']);

    await press(driver, dora, first, 'mo:2');
    const second = await driver.waitForEdit(dora.id, first.message_id, (m) => textOf(m).includes('page 2 of 2'));
    expect(textOf(second)).toContain(orderNos[0]);
    expect(textOf(second)).toContain(orderNos[1]);
    expect(textOf(second)).not.toContain(orderNos[2]);
    expect(pagerOf(second)).toEqual(['mo:1']);

    await press(driver, dora, second, 'mo:1');
    const back = await driver.waitForEdit(dora.id, first.message_id, (m) => textOf(m).includes('page 1 of 2'));
    expect(textOf(back)).toContain(orderNos[11]);
  });
});
