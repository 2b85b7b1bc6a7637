import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

describe('a shopper rates what they received, in chat', () => {
  let world: BotWorld;
  let key: number;

  beforeAll(async () => {
    world = await startBotWorld('polling');
    const created = await world.app.shop.catalog.createProduct({
      sku: 'RATE-KEY',
      title: 'Tea voucher',
      description: '',
      kind: 'code',
      price: { amount: 700 },
    });
    if (!created.ok) throw new Error(created.error.message);
    key = created.value.id;
    const codes = await world.app.shop.catalog.addCodes(key, ['TEA-1', 'TEA-2']);
    if (!codes.ok) throw new Error(codes.error.message);
  });
  afterAll(() => world.close());

  it('rates a delivered line with stars and words from the order screen; the card then shows it; the line cannot be rated twice', async () => {
    const { driver, app } = world;
    const mei = driver.createUser({ first_name: 'Mei', language_code: 'en' });
    driver.userStartsBot(mei);
    await driver.waitForMessage(mei.id, (m) => textOf(m).includes('Welcome'));
    const userId = String(mei.id);
    expect((await app.shop.account.adjustCredit({ userId, amount: 5000, reason: 'test' })).ok).toBe(true);
    const placed = await app.shop.payment.checkout({
      shopperId: userId,
      idempotencyKey: 'rate-flow-1',
      items: [{ productId: key, quantity: 1 }],
      paymentMethod: 'credit',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const orderNo = placed.value.order.orderNo;
    await app.pump.flush();

    driver.userSendsText(mei, '/orders');
    const list = await driver.waitForMessage(mei.id, (m) => textOf(m).startsWith('Your latest orders'));
    await press(driver, mei, list, `o:${orderNo}`);
    const screen = await driver.waitForEdit(mei.id, list.message_id, (m) => textOf(m).includes(orderNo) && !textOf(m).startsWith('Your latest orders'));
    await press(driver, mei, screen, `rl:${orderNo}:1`);
    const ask = await driver.waitForEdit(mei.id, screen.message_id, (m) => textOf(m).includes('How many stars for Tea voucher'));
    await press(driver, mei, ask, `rs:${orderNo}:1:5`);
    await driver.waitForEdit(mei.id, ask.message_id, (m) => textOf(m).includes('★★★★★'));
    // Plain text now is the review's words, not a search.
    driver.userSendsText(mei, 'Fragrant, arrived at once');
    await driver.waitForMessage(mei.id, (m) => textOf(m).includes('Your review is saved'));
    expect(await app.shop.reviews.productReviews(key)).toMatchObject({
      count: 1,
      average: 5,
      recent: [{ authorName: 'Mei', text: 'Fragrant, arrived at once' }],
    });

    // The same screen has no rate button for that line any more; a second review is refused.
    driver.userSendsText(mei, '/orders');
    const again = await driver.waitForMessage(mei.id, (m) => textOf(m).startsWith('Your latest orders') && m.message_id > screen.message_id);
    await press(driver, mei, again, `o:${orderNo}`);
    const after = await driver.waitForEdit(mei.id, again.message_id, (m) => !textOf(m).startsWith('Your latest orders'));
    expect(JSON.stringify(after.reply_markup ?? {})).not.toContain('rl:');
    expect(await app.shop.reviews.writeReview({ userId, authorName: 'Mei', orderNo, lineNo: 1, rating: 1 })).toMatchObject({
      ok: false,
      error: { code: 'REVIEW_EXISTS' },
    });

    driver.userSendsText(mei, '/catalog');
    const catalog = await driver.waitForMessage(mei.id, (m) => textOf(m).startsWith('Catalog'));
    await press(driver, mei, catalog, `p:${key}`);
    const card = await driver.waitForMessage(mei.id, (m) => m.photo !== undefined && textOf(m).includes('Tea voucher'));
    expect(textOf(card)).toContain('⭐ 5.0 · 1 reviews');
    expect(textOf(card)).toContain('★★★★★ Mei: Fragrant, arrived at once');
  });
});
