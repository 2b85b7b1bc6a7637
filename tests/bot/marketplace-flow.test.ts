// The marketplace in chat, against the Bot API stand-in: a shopper checks out a cart with a shop's physical goods
// (picks its delivery option, types an address), pays the one QR on the sandbox page; the seller confirms with the
// button on their notice and ships with /ship; the shopper presses "I received it" and the seller is paid.
import { addSeller, giveProductTo } from '../support/marketplace';
import { BotWorld, buttonsOf, decodeQr, payOnSandboxPage, press, startBotWorld, textOf } from './support/bot-world';

const ORDER_NO = /T\d{24}/;

describe('buying from a shop in chat (polling)', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld('polling');
  });
  afterAll(() => world.close());

  it('delivery option, address, one QR; the seller confirms and ships, the shopper confirms receipt', async () => {
    const { driver, app } = world;
    const bea = driver.createUser({ first_name: 'Bea', language_code: 'en' });
    driver.userStartsBot(bea);
    await driver.waitForMessage(bea.id, (m) => textOf(m).includes('Welcome, Bea'));
    const seller = await addSeller(app.persistence, { telegramUserId: String(bea.id), shopName: 'Bea Teas' });
    const created = await app.shop.catalog.createProduct({ sku: 'POT', title: 'Clay teapot', kind: 'physical', price: { amount: 4500 }, stock: 3 });
    if (!created.ok) throw new Error(created.error.message);
    await giveProductTo(app.persistence, created.value.id, seller.id);
    // The seller sets up shipping in chat.
    driver.userSendsText(bea, '/delivery add 15 2 SF Express');
    const options = await driver.waitForMessage(bea.id, (m) => textOf(m).startsWith('🚚 Your delivery options'));
    expect(textOf(options)).toMatch(/#\d+ SF Express · ¥15\.00 · ~2 d/);

    const carl = driver.createUser({ first_name: 'Carl', language_code: 'en' });
    driver.userStartsBot(carl);
    const welcome = await driver.waitForMessage(carl.id, (m) => textOf(m).includes('Welcome, Carl'));
    const added = await app.shop.ordering.addToCart(String(carl.id), created.value.id, 1);
    if (!added.ok) throw new Error(added.error.message);
    driver.userSendsText(carl, '/cart');
    const cart = await driver.waitForMessage(carl.id, (m) => textOf(m).startsWith('Your cart'));
    expect(welcome).toBeDefined();
    await press(driver, carl, cart, /^co:/);
    const choice = await driver.waitForEdit(carl.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    await press(driver, carl, choice, /^pm:q:/);
    const deliveryChoice = await driver.waitForEdit(carl.id, cart.message_id, (m) => textOf(m).includes('How should Bea Teas deliver'));
    expect(buttonsOf(driver, deliveryChoice).map((b) => b.text)).toContain('SF Express · ¥15.00 · ~2 d');
    await press(driver, carl, deliveryChoice, /^dl:/);
    await driver.waitForEdit(carl.id, cart.message_id, (m) => textOf(m).includes('Send your shipping address'));
    driver.userSendsText(carl, 'Carl Li; 13800000000; 8 Chang An Avenue, Beijing');
    const qr = await driver.waitForMessage(carl.id, (m) => m.photo !== undefined && textOf(m).includes('Checkout C'), 10_000);
    expect(textOf(qr)).toContain('¥60.00');
    const orderNo = ORDER_NO.exec(textOf(qr))?.[0] ?? '';
    expect(await app.shop.account.getShippingAddress(String(carl.id))).toMatchObject({ recipient: 'Carl Li' });
    await payOnSandboxPage(decodeQr(driver.downloadPhoto(qr)) ?? '');

    const toConfirm = await driver.waitForMessage(bea.id, (m) => textOf(m).includes(`${orderNo}`) && textOf(m).includes('waiting for you'), 15_000);
    await press(driver, bea, toConfirm, `sc:${orderNo}`);
    const confirmed = await driver.waitForEdit(bea.id, toConfirm.message_id, (m) => textOf(m).includes('confirmed'));
    expect(textOf(confirmed)).toContain(`/ship ${orderNo}`);
    await driver.waitForMessage(carl.id, (m) => textOf(m).includes('Bea Teas confirmed your order'), 10_000);

    driver.userSendsText(bea, `/ship ${orderNo} SF SF1234567`);
    await driver.waitForMessage(bea.id, (m) => textOf(m).includes('marked shipped'));
    const shipped = await driver.waitForMessage(carl.id, (m) => textOf(m).includes(`${orderNo} was shipped`), 10_000);
    expect(textOf(shipped)).toContain('SF SF1234567');
    await press(driver, carl, shipped, `rv:${orderNo}`);
    await driver.waitForEdit(carl.id, shipped.message_id, (m) => textOf(m).includes('is complete'));
    const [balance] = await app.persistence.dataSource.query('SELECT balance_minor FROM seller_balances WHERE seller_id = ?', [seller.id]);
    expect(Number(balance.balance_minor)).toBe(6000 - 600);
  }, 60_000);
});
