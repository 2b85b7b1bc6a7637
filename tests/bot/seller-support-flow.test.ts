// Issue 15, item 1, in chat: a shopper opens a ticket from a shop's order; the seller gets the ticket and the
// shopper's words in their private chat, answers by replying to them, and the shopper gets the answer from the shop
// (the admins still get everything, as before). Another seller's 404 is tested over the API (seller-support.test.ts).
import { addSeller, giveProductTo } from '../support/marketplace';
import { BotWorld, startBotWorld, textOf } from './support/bot-world';

describe('a seller answers a ticket about their order in chat (polling)', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld('polling');
  });
  afterAll(() => world.close());

  it('relays the ticket to the seller and the seller’s reply to the shopper', async () => {
    const { driver, app, admin } = world;
    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    const bea = driver.createUser({ first_name: 'Bea', language_code: 'en' });
    driver.userStartsBot(bea);
    await driver.waitForMessage(bea.id, (m) => textOf(m).includes('Welcome, Bea'));
    const seller = await addSeller(app.persistence, { telegramUserId: String(bea.id), shopName: 'Bea Teas' });
    const created = await app.shop.catalog.createProduct({ sku: 'LEAF', title: 'Green tea', kind: 'manual', price: { amount: 1500 } });
    if (!created.ok) throw new Error(created.error.message);
    await giveProductTo(app.persistence, created.value.id, seller.id);

    const carl = driver.createUser({ first_name: 'Carl', language_code: 'ru' });
    driver.userStartsBot(carl);
    await driver.waitForMessage(carl.id, (m) => textOf(m).length > 0);
    const placed = await app.shop.payment.placeCheckout({
      shopperId: String(carl.id),
      idempotencyKey: 'seller-support-chat-1',
      items: [{ productId: created.value.id, quantity: 1 }],
      paymentMethod: 'wechatpay',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const orderNo = placed.value.orders[0]?.orderNo ?? '';
    const opened = await app.shop.support.openTicket({
      userId: String(carl.id),
      orderNo,
      authorName: 'Carl',
      message: { kind: 'text', text: 'Чай не пришёл' },
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.ticket.id;

    const told = await driver.waitForMessage(bea.id, (m) => textOf(m).startsWith(`🎫 #${id} · A shopper opened a ticket about your order ${orderNo}`), 15_000);
    expect(told).toBeDefined();
    const line = await driver.waitForMessage(bea.id, (m) => textOf(m) === `🎫 #${id} · ${orderNo} · Carl\nЧай не пришёл`, 15_000);
    // The admins are told as before.
    await driver.waitForMessage(admin.id, (m) => textOf(m).startsWith(`🎫 New ticket #${id} from Carl`), 15_000);

    driver.userSendsText(bea, 'Sent again, sorry!', { replyToMessageId: line.message_id });
    await driver.waitForMessage(bea.id, (m) => textOf(m) === `✓ Sent to the shopper (ticket #${id}).`, 15_000);
    await driver.waitForMessage(carl.id, (m) => textOf(m) === `💬 Bea Teas (магазин вашего заказа ${orderNo}) · обращение #${id}\nSent again, sorry!`, 15_000);

    // Staff see the seller's answer too (the admin here is written to privately).
    await driver.waitForMessage(admin.id, (m) => textOf(m) === `🎫 #${id} · Bea Teas\nSent again, sorry!`, 15_000);

    const history = await app.shop.support.getSellerTicket(id, seller.id);
    if (!history.ok) throw new Error(history.error.message);
    expect(history.value.messages.at(-1)).toMatchObject({ authorRole: 'seller', authorName: 'Bea Teas', authorId: String(bea.id), text: 'Sent again, sorry!' });
    expect(history.value.ticket.status).toBe('answered');
  }, 60_000);
});
