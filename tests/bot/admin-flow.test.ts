import type { LocalUser } from '../../infrastructure/telegram/local-bot-api';
import { BotWorld, buttonsOf, press, startBotWorld, textOf } from './support/bot-world';

describe('running the shop from Telegram as an admin (webhook)', () => {
  let world: BotWorld;
  let codes: number;
  let mug: number;
  let carol: LocalUser;
  let orderNo: string;

  beforeAll(async () => {
    world = await startBotWorld('webhook');
    const { shop } = world.app;
    const code = await shop.catalog.createProduct({ sku: 'GAME-KEY', title: 'Game key', kind: 'code', price: { amount: 1500 } });
    const manual = await shop.catalog.createProduct({ sku: 'MUG', title: 'A mug', kind: 'manual', price: { amount: 2500 }, stock: 5 });
    if (!code.ok || !manual.ok) throw new Error('products not created');
    codes = code.value.id;
    mug = manual.value.id;
    await shop.catalog.addCodes(codes, ['KEY-ONE']);

    // Carol has bought a game key with credit before the admin looks at the shop.
    carol = world.driver.createUser({ first_name: 'Carol' });
    world.driver.userStartsBot(carol);
    await world.driver.waitForMessage(carol.id, (m) => textOf(m).includes('Welcome'));
    const given = await shop.account.adjustCredit({ userId: String(carol.id), amount: 5000, reason: 'test credit' });
    if (!given.ok) throw new Error(given.error.message);
    const placed = await shop.payment.checkout({
      shopperId: String(carol.id),
      idempotencyKey: 'admin-flow-order-1',
      items: [{ productId: codes, quantity: 1 }],
      paymentMethod: 'credit',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    orderNo = placed.value.order.orderNo;
    await world.driver.waitForMessage(carol.id, (m) => textOf(m).includes(`${orderNo} is delivered`), 10_000);

    world.driver.userStartsBot(world.admin);
    await world.driver.waitForMessage(world.admin.id, (m) => textOf(m).includes('Welcome'));
  });
  afterAll(() => world.close());

  const say = async (text: string): Promise<string> => {
    world.driver.userSendsText(world.admin, text);
    return textOf(await world.driver.waitForMessage(world.admin.id, () => true, 10_000));
  };

  it("shows the admin menu, today's and the week's sales, and an order's whole story", async () => {
    world.driver.userSendsText(world.admin, '/admin');
    const menu = await world.driver.waitForMessage(world.admin.id);
    expect(buttonsOf(world.driver, menu).map((b) => b.data)).toEqual(expect.arrayContaining(['st', 'ao:*:1', 'so:15:1', 'ap:1', 'np', 'jb']));

    const stats = await say('/stats');
    expect(stats).toContain('Today: 1 placed, 1 paid, revenue ¥15.00');
    expect(stats).toContain('Last 7 days: 1 placed, 1 paid');
    expect(stats).toContain('Game key × 1 — ¥15.00');

    const story = await say(`/order ${orderNo}`);
    expect(story).toContain(`Order ${orderNo} — DELIVERED`);
    expect(story).toContain(`Shopper: ${carol.id}`);
    expect(story).toMatch(/placed \(credit\)/);
    expect(story).toContain('delivered');
    expect(story).toContain('KEY-ONE (DELIVERED)');

    const list = await say('/orders delivered');
    expect(list).toContain(orderNo);
    expect(await say('/orders nonsense')).toContain('Usage: /orders');
  });

  it('refunds part of an order, and the shopper is told', async () => {
    const refund = await say(`/refund ${orderNo} 5.00 scratched key`);
    expect(refund).toMatch(new RegExp(`Refund ${orderNo}-\\w+ of ¥5.00 for order ${orderNo}: SUCCEEDED`));
    const notice = await world.driver.waitForMessage(carol.id, (m) => textOf(m).includes('was refunded'), 10_000);
    expect(textOf(notice)).toContain(`¥5.00 was refunded for order ${orderNo}`);
    expect((await world.app.shop.account.getAccount(String(carol.id))).balance).toBe(5000 - 1500 + 500);
    expect(await say(`/refund ${orderNo} 500.00`)).toContain('at most 1000 can still be refunded');
  });

  it('changes price and stock, and refuses stock for a code product', async () => {
    expect(await say(`/stock ${mug} 7`)).toContain(`Stock of #${mug} is now 7.`);
    expect(await say(`/price ${mug} 19.90`)).toContain('Price: ¥19.90');
    const product = await world.app.shop.catalog.getProduct(mug);
    expect(product.ok && product.value.stock).toBe(7);
    expect(product.ok && product.value.price.amount).toBe(1990);
    expect(await say(`/stock ${codes} 3`)).toContain('upload codes instead');
  });

  it("uploads codes from a .txt file, by caption and through the product's button", async () => {
    const { driver, admin } = world;
    driver.userSendsDocument(admin, 'keys.txt', 'KEY-TWO\r\nKEY-THREE\n\nKEY-TWO\n', { caption: `#${codes}` });
    const added = textOf(await driver.waitForMessage(admin.id, () => true, 10_000));
    expect(added).toBe(`2 codes added to #${codes} (1 duplicates skipped). Stock is now 2.`);

    driver.userSendsText(admin, '/products');
    const products = await driver.waitForMessage(admin.id);
    await press(driver, admin, products, `av:${codes}`);
    const sheet = await driver.waitForEdit(admin.id, products.message_id, (m) => textOf(m).includes('GAME-KEY'));
    await press(driver, admin, sheet, `ae:${codes}:c`);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('.txt'));
    driver.userSendsDocument(admin, 'more.txt', 'KEY-FOUR\n');
    expect(textOf(await driver.waitForMessage(admin.id, () => true, 10_000))).toContain('1 codes added');
    const product = await world.app.shop.catalog.getProduct(codes);
    expect(product.ok && product.value.stock).toBe(3);
  });

  it('creates a product through the guided conversation', async () => {
    const { driver, admin } = world;
    expect(await say('/newproduct')).toContain('Send the SKU');
    expect(await say('bad sku!')).toContain('Send the title');
    driver.userSendsText(admin, 'Sticker pack');
    const kind = await driver.waitForMessage(admin.id);
    await press(driver, admin, kind, 'wk:manual');
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('price'));
    expect(await say('twelve')).toContain('That is not an amount');
    expect(await say('3.50')).toContain('Send the stock');
    expect(await say('unlimited')).toContain('description');
    const refused = await say('-');
    expect(refused).toContain('sku:');
    expect(refused).toContain('Send the SKU');
    const created = await say('STICKERS-1');
    expect(created).toMatch(/Product #\d+ created: Sticker pack/);
    const listed = await world.app.shop.catalog.browseProducts({ q: 'Sticker' });
    expect(listed.ok && listed.value.items.map((p) => [p.sku, p.price.amount, p.stock, p.kind])).toEqual([['STICKERS-1', 350, null, 'manual']]);
  });

  it('shows job status and runs a job now', async () => {
    const { driver, admin } = world;
    driver.userSendsText(admin, '/jobs');
    const jobs = await driver.waitForMessage(admin.id);
    expect(textOf(jobs)).toContain('outbox-dispatch');
    await press(driver, admin, jobs, 'jr:retry-deliveries');
    expect(textOf(await driver.waitForMessage(admin.id, () => true, 10_000))).toMatch(/^retry-deliveries ran: /);
  });

  it('broadcasts after a confirmation, once per shopper, with a progress message', async () => {
    const { driver, admin } = world;
    const expectedRecipients = (await world.app.shop.account.shopperIds(null, 1)).total;
    driver.userSendsText(admin, '/broadcast Spring sale: everything 10% off!');
    const confirm = await driver.waitForMessage(admin.id);
    expect(textOf(confirm)).toContain(`Send this message to ${expectedRecipients} shoppers?`);
    const send = buttonsOf(driver, confirm).find((b) => b.data.startsWith('bc:y:'))?.data ?? '';
    const taps = [driver.userPressesButton(admin, confirm.message_id, send), driver.userPressesButton(admin, confirm.message_id, send)];
    await Promise.all(taps.map((id) => driver.waitForCallbackAnswer(id, 10_000)));
    await driver.waitForMessage(carol.id, (m) => textOf(m) === 'Spring sale: everything 10% off!', 15_000);
    const progress = await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith('Broadcast'), 10_000);
    const progressId = progress.message_id;
    await driver.waitUntil(() => /finished/.test(textOf(driver.message(admin.id, progressId) ?? progress)), 20_000, 'the progress message to say finished');
    for (const chat of [carol.id, admin.id]) {
      expect(driver.botMessages(chat).filter((m) => textOf(m.message) === 'Spring sale: everything 10% off!')).toHaveLength(1);
    }
  });

  it('lists the orders waiting too long, with why, and opens one', async () => {
    const { driver, admin, app } = world;
    const placed = await app.shop.payment.checkout({
      shopperId: String(carol.id),
      idempotencyKey: 'admin-flow-stuck-1',
      items: [{ productId: mug, quantity: 1 }],
      paymentMethod: 'credit',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const mugOrder = placed.value.order.orderNo;
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes(`Order ${mugOrder} is paid and needs a person`), 10_000);
    expect(await say('/stuck')).toContain('Nothing is stuck.');

    // Paid twenty minutes ago and still waiting for a person.
    await app.persistence.dataSource.query(`UPDATE orders SET paid_at = paid_at - ${20 * 60_000} WHERE order_no = '${mugOrder}'`);
    driver.userSendsText(admin, '/stuck');
    const stuck = await driver.waitForMessage(admin.id, () => true, 10_000);
    expect(textOf(stuck)).toContain('Stuck orders (waiting over 15 min), 1 in all — page 1 of 1');
    expect(textOf(stuck)).toContain(`${mugOrder} · user ${carol.id} · ¥19.90 — waits for you to fulfil it, since`);
    expect(buttonsOf(driver, stuck).map((b) => b.data)).toEqual([`os:${mugOrder}`]);
    expect(await say('/stuck 30')).toContain('Nothing is stuck.');
    expect(await say('/stuck soon')).toContain('Usage: /stuck');

    await press(driver, admin, stuck, `os:${mugOrder}`);
    const story = await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith(`Order ${mugOrder}`), 10_000);
    expect(textOf(story)).toContain(`Order ${mugOrder} — PAID`);
  });
});
