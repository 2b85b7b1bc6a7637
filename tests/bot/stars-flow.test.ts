// Telegram Stars end to end: the bot's invoice, Telegram's pre-checkout and successful_payment updates, delivery,
// refunds — all through the Bot API stand-in, which plays Telegram's side with its rules.
import type { LocalUser, TgMessage } from '../../infrastructure/telegram/local-bot-api';
import { eventually } from '../support/test-shop';
import { BotMode, BotWorld, buttonsOf, press, startBotWorld, textOf } from './support/bot-world';

describe.each<BotMode>(['polling', 'webhook'])('a shopper pays in Telegram Stars, end to end against the Bot API stand-in (%s)', (mode) => {
  let world: BotWorld;
  let keys: number;
  let pack: number;

  beforeAll(async () => {
    world = await startBotWorld(mode);
    const created = await world.app.shop.catalog.createProduct({
      sku: 'GAME-KEY',
      title: 'Game key',
      kind: 'code',
      price: { amount: 4900 },
      starsPrice: 50,
    });
    if (!created.ok) throw new Error(created.error.message);
    keys = created.value.id;
    const codes = await world.app.shop.catalog.addCodes(keys, ['KEY-0001', 'KEY-0002', 'KEY-0003', 'KEY-0004', 'KEY-0005']);
    if (!codes.ok) throw new Error(codes.error.message);
    const credit = await world.app.shop.catalog.createProduct({
      sku: 'CREDIT-10',
      title: 'Credit pack',
      kind: 'credit',
      price: { amount: 1000 },
      creditAmount: 1000,
      starsPrice: 75,
    });
    if (!credit.ok) throw new Error(credit.error.message);
    pack = credit.value.id;
  });
  afterAll(() => world.close());

  const shopper = (name: string, language = 'en'): LocalUser => world.driver.createUser({ first_name: name, language_code: language });

  /** From the product's deep link to the invoice in the chat. */
  async function invoiceFor(user: LocalUser, productId: number): Promise<TgMessage> {
    const { driver } = world;
    driver.userStartsBot(user, `p_${productId}`);
    const card = await driver.waitForMessage(user.id, (m) => m.photo !== undefined || textOf(m).includes('Price'));
    await press(driver, user, card, `a:${productId}:1`);
    const carded = await driver.waitForEdit(user.id, card.message_id, (m) => /(In your cart|В корзине): 1/.test(textOf(m)));
    await press(driver, user, carded, 'k');
    const cart = await driver.waitForMessage(user.id, (m) => textOf(m).startsWith('Your cart') || textOf(m).startsWith('Ваша корзина'));
    await press(driver, user, cart, /^co:/);
    const choice = await driver.waitForEdit(user.id, cart.message_id, (m) => buttonsOf(driver, m).some((b) => b.data.startsWith('pm:s:')));
    await press(driver, user, choice, /^pm:s:/);
    return driver.waitForMessage(user.id, (m) => m.invoice !== undefined, 10_000);
  }

  /** The stand-in holds no update the bot has not taken (each handler has finished). */
  const botIsIdle = () =>
    eventually(
      async () => world.driver.pendingUpdates(),
      (n) => n === 0,
    );

  it('offers Stars beside the QR methods with the Stars total, sends the invoice, takes the payment once, delivers, and refunds it whole', async () => {
    const { driver, admin, app } = world;
    const ann = shopper('Ann');
    driver.userStartsBot(ann, `p_${keys}`);
    const card = await driver.waitForMessage(ann.id, (m) => m.photo !== undefined || textOf(m).includes('Price'));
    await press(driver, ann, card, `a:${keys}:1`);
    const carded = await driver.waitForEdit(ann.id, card.message_id, (m) => textOf(m).includes('In your cart: 1'));
    await press(driver, ann, carded, 'k');
    const cart = await driver.waitForMessage(ann.id, (m) => textOf(m).startsWith('Your cart'));
    await press(driver, ann, cart, /^co:/);
    const choice = await driver.waitForEdit(ann.id, cart.message_id, (m) => textOf(m).includes('How would you like to pay'));
    expect(buttonsOf(driver, choice).map((b) => b.text)).toContain('⭐ Telegram Stars (⭐50)');
    await press(driver, ann, choice, /^pm:s:/);
    const invoice = await driver.waitForMessage(ann.id, (m) => m.invoice !== undefined, 10_000);
    expect(invoice.invoice).toMatchObject({ currency: 'XTR', total_amount: 50 });
    const orderNo = /T\d{24}/.exec(invoice.invoice?.title ?? '')?.[0] ?? '';
    expect(orderNo).not.toBe('');
    // Telegram's rules held: an empty provider token, one price (the stand-in refuses anything else).
    const sent = world.standIn.calls.byMethod('sendInvoice').at(-1);
    expect(sent?.params).toMatchObject({ provider_token: '', currency: 'XTR', payload: orderNo });
    const prices = sent?.params.prices;
    expect(typeof prices === 'string' ? JSON.parse(prices) : prices).toEqual([{ label: 'Game key', amount: 50 }]);
    const placed = await app.shop.payment.getOrder(orderNo, null);
    if (!placed.ok) throw new Error(placed.error.message);
    expect(placed.value.order).toMatchObject({ currency: 'XTR', totalAmount: 50, paymentMethod: 'stars', status: 'AWAITING_PAYMENT' });

    const paid = await driver.userPaysInvoice(ann, invoice.message_id);
    if (paid.status !== 'paid') throw new Error(`not paid: ${JSON.stringify(paid)}`);
    const delivery = await driver.waitForMessage(ann.id, (m) => textOf(m).includes(`${orderNo} is delivered`), 15_000);
    expect(textOf(delivery)).toMatch(/KEY-000\d/);
    const delivered = await app.shop.payment.getOrder(orderNo, null);
    if (!delivered.ok) throw new Error(delivered.error.message);
    expect(delivered.value.order.status).toBe('DELIVERED');
    expect(delivered.value.payments).toEqual([
      expect.objectContaining({ provider: 'stars', status: 'SUCCEEDED', amount: 50, currency: 'XTR', transactionId: paid.chargeId }),
    ]);

    // Telegram sends the same successful_payment again: nothing changes, nothing more is said.
    const messagesBefore = driver.messages(ann.id).length;
    driver.redeliverSuccessfulPayment(paid.chargeId);
    await botIsIdle();
    const again = await app.shop.payment.getOrder(orderNo, null);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.payments).toHaveLength(1);
    expect(again.value.order.status).toBe('DELIVERED');
    await app.pump.flush();
    expect(driver.messages(ann.id).filter((m) => textOf(m).includes(`${orderNo} is delivered`))).toHaveLength(1);
    expect(driver.messages(ann.id).length).toBe(messagesBefore);

    // A partial refund is refused in words: Telegram refunds the whole charge.
    const partial = await app.shop.payment.refundOrder({ orderNo, amount: 10, reason: 'partly' });
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.error.message).toMatch(/refunds a whole charge only: refund all 50 XTR/);

    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(admin, `/refund ${orderNo} changed my mind`);
    const opened = await driver.waitForMessage(admin.id, (m) => textOf(m).includes(`for order ${orderNo}`));
    expect(textOf(opened)).toContain('⭐50');
    const refundedNote = await driver.waitForMessage(ann.id, (m) => m.refunded_payment !== undefined, 15_000);
    expect(refundedNote.refunded_payment).toMatchObject({
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: orderNo,
      telegram_payment_charge_id: paid.chargeId,
    });
    const refunded = await eventually(
      async () => app.shop.payment.getOrder(orderNo, null),
      (r) => r.ok && r.value.order.status === 'REFUNDED',
    );
    if (refunded.ok) expect(refunded.value.order.refundedAmount).toBe(50);
    expect(driver.starsCharges().find((c) => c.id === paid.chargeId)?.refundedAt).toBeDefined();
    expect(driver.starsBalance()).toBe(0);
    expect(world.standIn.calls.byMethod('refundStarPayment')).toHaveLength(1);
  });

  it('lets an admin set and clear a Stars price in chat, for digital goods only', async () => {
    const { driver, admin, app } = world;
    const pen = await app.shop.catalog.createProduct({ sku: 'PEN-1', title: 'A pen', kind: 'manual', price: { amount: 300 }, stock: 5 });
    const voucher = await app.shop.catalog.createProduct({ sku: 'VOUCHER-1', title: 'Voucher', kind: 'code', price: { amount: 300 } });
    if (!pen.ok || !voucher.ok) throw new Error('products not created');
    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(admin, `/stars ${voucher.value.id} 40`);
    const saved = await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Telegram Stars: ⭐40'));
    expect(buttonsOf(driver, saved).map((b) => b.text)).toContain('⭐ Stars price');
    driver.userSendsText(admin, `/stars ${pen.value.id} 40`);
    const refused = await driver.waitForMessage(admin.id, (m) => textOf(m).includes('only digital goods'));
    expect(textOf(refused)).toContain('starsPrice');
    driver.userSendsText(admin, `/stars ${voucher.value.id} -`);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Telegram Stars: —'));
    const stored = await app.shop.catalog.getProduct(voucher.value.id, { includeHidden: true });
    expect(stored.ok && stored.value.starsPrice).toBeNull();
  });

  it('refuses at pre-checkout, in the shopper’s language, when the Stars price changed since the invoice', async () => {
    const { driver, app } = world;
    const boris = shopper('Борис', 'ru');
    const invoice = await invoiceFor(boris, keys);
    const changed = await app.shop.catalog.updateProduct(keys, { starsPrice: 60 });
    expect(changed.ok).toBe(true);
    try {
      const outcome = await driver.userPaysInvoice(boris, invoice.message_id);
      expect(outcome).toEqual({ status: 'refused', errorMessage: expect.stringContaining('Цена изменилась') });
      expect(driver.starsCharges().filter((c) => c.userId === boris.id)).toHaveLength(0);
    } finally {
      await app.shop.catalog.updateProduct(keys, { starsPrice: 50 });
    }
  });

  it('refuses at pre-checkout once the order is closed and its codes are back in stock', async () => {
    const { driver, app } = world;
    const cleo = shopper('Cleo');
    const invoice = await invoiceFor(cleo, keys);
    const orderNo = invoice.invoice?.title.replace(/^Order /, '') ?? '';
    const cancelled = await app.shop.payment.cancelOrder(orderNo, 'test closes it', String(cleo.id));
    expect(cancelled.ok).toBe(true);
    const outcome = await driver.userPaysInvoice(cleo, invoice.message_id);
    expect(outcome).toEqual({ status: 'refused', errorMessage: expect.stringMatching(/closed/i) });
  });

  it('refunds, whole and automatically, stars that arrive after the order closed', async () => {
    const { driver, app } = world;
    const dan = shopper('Dan');
    const invoice = await invoiceFor(dan, pack);
    const orderNo = invoice.invoice?.title.replace(/^Order /, '') ?? '';
    const paid = await driver.userPaysInvoice(dan, invoice.message_id, {
      // The shop closes the order between its yes at pre-checkout and the money (the shopper cancels elsewhere).
      afterPreCheckout: async () => {
        const cancelled = await app.shop.payment.cancelOrder(orderNo, 'closed while paying', String(dan.id));
        if (!cancelled.ok) throw new Error(cancelled.error.message);
      },
    });
    if (paid.status !== 'paid') throw new Error(`not paid: ${JSON.stringify(paid)}`);
    await driver.waitForMessage(dan.id, (m) => m.refunded_payment !== undefined, 15_000);
    const order = await eventually(
      async () => app.shop.payment.getOrder(orderNo, null),
      (r) => r.ok && r.value.order.status === 'REFUNDED',
    );
    if (order.ok) expect(order.value.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', transactionId: paid.chargeId })]);
    expect(driver.starsCharges().find((c) => c.id === paid.chargeId)?.refundedAt).toBeDefined();
    // No credit was given for a pack that was never sold.
    const account = await app.shop.account.getAccount(String(dan.id));
    expect(account.balance).toBe(0);
  });
});
