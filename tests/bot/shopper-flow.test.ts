import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotMode, BotWorld, decodeQr, payOnSandboxPage, press, startBotWorld, textOf } from './support/bot-world';

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
});
