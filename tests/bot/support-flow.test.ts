// The support desk end to end against the Bot API stand-in: a shopper opens a ticket from an order's screen, talks
// with staff in the ticket's forum topic both ways (text and a photo), the conversation survives the Bot API being
// unreachable and a restart of the shop, and the shopper closes it.
import { PNG } from 'pngjs';
import type { LocalUser, TgMessage } from '../../infrastructure/telegram/local-bot-api';
import { eventually } from '../support/test-shop';
import { BotWorld, press, startBotWorld, textOf } from './support/bot-world';

const ADMIN_KEY = { authorization: 'Bearer bot-test-admin-key-0123456789' };

function png(width: number, height: number, shade: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(shade);
  return PNG.sync.write(image);
}

describe('support desk in Telegram, with a forum supergroup as the support chat', () => {
  let world: BotWorld;
  let product: number;
  beforeAll(async () => {
    world = await startBotWorld('polling', { supportForum: true });
    world.app.jobs.start();
    const created = await world.app.shop.catalog.createProduct({
      sku: 'MUG',
      title: 'Mug',
      description: 'A mug',
      kind: 'manual',
      price: { amount: 500 },
      stock: 5,
    });
    if (!created.ok) throw new Error(created.error.message);
    product = created.value.id;
  });
  afterAll(() => world.close());

  const groupId = (): number => {
    if (world.supportChatId === null) throw new Error('no support chat');
    return world.supportChatId;
  };
  const inThread = (threadId: number, match: (m: TgMessage) => boolean) => (m: TgMessage) => m.message_thread_id === threadId && match(m);

  it('opens from an order, talks both ways with photos, keeps everything through an outage and a restart, and closes', async () => {
    const { driver, standIn, admin } = world;
    const alice: LocalUser = driver.createUser({ first_name: 'Alice', language_code: 'en' });
    driver.userStartsBot(alice);
    await driver.waitForMessage(alice.id, (m) => textOf(m).includes('Welcome, Alice'));
    const placed = await world.app.shop.payment.checkout({
      shopperId: String(alice.id),
      idempotencyKey: 'support-flow-order-1',
      items: [{ productId: product, quantity: 1 }],
      paymentMethod: 'wechatpay',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const orderNo = placed.value.order.orderNo;

    // The order's screen has "Contact support"; the ticket carries the order number.
    driver.userSendsText(alice, '/orders');
    const list = await driver.waitForMessage(alice.id, (m) => textOf(m).startsWith('Your latest orders'));
    await press(driver, alice, list, `o:${orderNo}`);
    const screen = await driver.waitForEdit(alice.id, list.message_id, (m) => textOf(m).includes(orderNo));
    await press(driver, alice, screen, `hs:${orderNo}`);
    const opened = await driver.waitForMessage(alice.id, (m) => /Ticket #\d+ is open about order/.test(textOf(m)));
    const ticketId = Number(/#(\d+)/.exec(textOf(opened))?.[1]);

    // Staff see the new ticket in its own topic, with the order.
    const announced = await driver.waitForMessage(groupId(), (m) => textOf(m).startsWith(`🎫 New ticket #${ticketId}`), 15_000);
    expect(textOf(announced)).toContain(orderNo);
    const threadId = announced.message_thread_id ?? 0;
    expect(driver.topics(groupId())).toEqual([{ threadId, name: `#${ticketId} · Alice · ${orderNo}`, closed: false }]);

    // Shopper → staff: a text and a photo (the same file reaches the topic).
    driver.userSendsText(alice, 'The mug arrived broken');
    await driver.waitForMessage(
      groupId(),
      inThread(threadId, (m) => textOf(m) === `🎫 #${ticketId} · Alice\nThe mug arrived broken`),
      15_000,
    );
    const photo = png(4, 3, 200);
    driver.userSendsPhoto(alice, photo, { caption: 'look' });
    const relayedPhoto = await driver.waitForMessage(
      groupId(),
      inThread(threadId, (m) => m.photo !== undefined),
      15_000,
    );
    expect(textOf(relayedPhoto)).toBe(`🎫 #${ticketId} · Alice\nlook`);
    expect(driver.downloadPhoto(relayedPhoto).equals(photo)).toBe(true);

    // Staff → shopper: a reply in the topic, and a photo.
    driver.userSendsToGroup(admin, groupId(), { text: 'Sorry! Is this the crack?' }, { threadId });
    const answer = await driver.waitForMessage(alice.id, (m) => textOf(m).startsWith(`💬 Support · ticket #${ticketId}`), 15_000);
    expect(textOf(answer)).toBe(`💬 Support · ticket #${ticketId}\nSorry! Is this the crack?`);
    // (Telegram hands a bot's updates over in batches that it handles side by side: a person types one at a time.)
    const staffPhoto = png(3, 3, 50);
    driver.userSendsToGroup(admin, groupId(), { photo: staffPhoto, caption: 'here' }, { threadId });
    const photoAnswer = await driver.waitForMessage(alice.id, (m) => m.photo !== undefined, 15_000);
    expect(textOf(photoAnswer)).toBe(`💬 Support · ticket #${ticketId}\nhere`);
    expect(driver.downloadPhoto(photoAnswer).equals(staffPhoto)).toBe(true);

    // The Bot API goes away: what Alice writes is stored at once, and relayed once it is back.
    const outage = standIn.faults.inject({ kind: 'serverError', status: 502, times: 100_000, chatId: groupId() });
    driver.userSendsText(alice, 'Yes, that one. Written while Telegram was down');
    await eventually(
      () =>
        world.api
          .inject({ method: 'GET', url: `/v1/admin/support/tickets/${ticketId}`, headers: ADMIN_KEY })
          .then((r) => r.json() as { messages: Array<{ text: string; relayed: boolean }> }),
      (h) => h.messages.some((m) => m.text.startsWith('Yes, that one') && !m.relayed),
      15_000,
    );
    await driver.waitUntil(() => outage.remaining() < 100_000, 15_000, 'a relay attempt hitting the outage');
    standIn.faults.clear();

    // A restart in between: the history is in the database, the topic is found again by its thread id.
    await world.restart();
    world.app.jobs.start();
    await driver.waitForMessage(
      groupId(),
      inThread(threadId, (m) => textOf(m).endsWith('Written while Telegram was down')),
      40_000,
    );
    driver.userSendsToGroup(admin, groupId(), { text: 'A new mug is on its way' }, { threadId });
    await driver.waitForMessage(alice.id, (m) => textOf(m).endsWith('A new mug is on its way'), 15_000);

    const history = await world.api.inject({ method: 'GET', url: `/v1/admin/support/tickets/${ticketId}`, headers: ADMIN_KEY });
    const body = history.json() as {
      ticket: { status: string; orderNo: string };
      messages: Array<{ direction: string; kind: string; text: string; relayed: boolean }>;
    };
    expect(body.ticket).toMatchObject({ status: 'answered', orderNo });
    expect(body.messages.map((m) => `${m.direction} ${m.kind} ${m.text}`)).toEqual([
      'to_staff event opened',
      'to_staff text The mug arrived broken',
      'to_staff photo look',
      'to_shopper text Sorry! Is this the crack?',
      'to_shopper photo here',
      'to_staff text Yes, that one. Written while Telegram was down',
      'to_shopper text A new mug is on its way',
    ]);
    await eventually(
      () =>
        world.api
          .inject({ method: 'GET', url: `/v1/admin/support/tickets/${ticketId}`, headers: ADMIN_KEY })
          .then((r) => r.json() as { messages: Array<{ relayed: boolean }> }),
      (h) => h.messages.every((m) => m.relayed),
    );

    // Alice closes it with the button on the ticket's message; staff are told in the topic.
    await press(driver, alice, opened, `hc:${ticketId}`);
    await driver.waitForMessage(alice.id, (m) => textOf(m).startsWith(`Ticket #${ticketId} is closed`));
    await driver.waitForMessage(
      groupId(),
      inThread(threadId, (m) => textOf(m) === `✅ Alice closed ticket #${ticketId}.`),
      15_000,
    );
    // Later messages are the shop's again, not support's.
    driver.userSendsText(alice, 'mug');
    await driver.waitForMessage(alice.id, (m) => !textOf(m).startsWith('💬'));
    const tickets = await world.api.inject({ method: 'GET', url: '/v1/admin/support/tickets?status=closed', headers: ADMIN_KEY });
    expect((tickets.json() as { items: Array<{ id: number }> }).items.map((t) => t.id)).toContain(ticketId);
  }, 120_000);

  it('staff use the buttons in the topic, and /reply from their private chat', async () => {
    const { driver, admin } = world;
    const bob: LocalUser = driver.createUser({ first_name: 'Bob', language_code: 'en' });
    driver.userStartsBot(bob);
    await driver.waitForMessage(bob.id, (m) => textOf(m).includes('Welcome, Bob'));
    driver.userSendsText(bob, '/support');
    const opened = await driver.waitForMessage(bob.id, (m) => /Ticket #\d+ is open\./.test(textOf(m)));
    const ticketId = Number(/#(\d+)/.exec(textOf(opened))?.[1]);
    const announced = await driver.waitForMessage(groupId(), (m) => textOf(m).startsWith(`🎫 New ticket #${ticketId}`), 15_000);
    const threadId = announced.message_thread_id ?? 0;
    const take = driver
      .inlineKeyboard(announced)
      .flat()
      .find((b) => b.callback_data === `ht:${ticketId}`);
    expect(take).toBeDefined();
    const pressed = driver.userPressesButtonInGroup(admin, groupId(), announced.message_id, `ht:${ticketId}`);
    await driver.waitForCallbackAnswer(pressed, 10_000);
    await driver.waitForMessage(
      groupId(),
      inThread(threadId, (m) => textOf(m) === `📌 Ticket #${ticketId} is now looked after by Admin.`),
      15_000,
    );

    driver.userStartsBot(admin);
    await driver.waitForMessage(admin.id, (m) => textOf(m).includes('Welcome'));
    driver.userSendsText(admin, `/reply ${ticketId} Hello Bob`);
    await driver.waitForMessage(admin.id, (m) => textOf(m) === `✓ Sent to the shopper (ticket #${ticketId}).`);
    await driver.waitForMessage(bob.id, (m) => textOf(m) === `💬 Support · ticket #${ticketId}\nHello Bob`, 15_000);

    // "/ask" in the topic: the ticket waits for the shopper.
    driver.userSendsToGroup(admin, groupId(), { text: '/ask Which order is it about?' }, { threadId });
    await driver.waitForMessage(bob.id, (m) => textOf(m) === `💬 Support · ticket #${ticketId}\nWhich order is it about?`, 15_000);
    const waiting = await world.api.inject({ method: 'GET', url: `/v1/admin/support/tickets/${ticketId}`, headers: ADMIN_KEY });
    expect((waiting.json() as { ticket: { status: string } }).ticket.status).toBe('waiting_for_shopper');

    // Someone deletes the ticket's topic by hand: the next message gets a new topic instead of being stuck.
    driver.adminRemovesTopic(groupId(), threadId, true);
    driver.userSendsText(bob, 'Are you there?');
    const reopened = await driver.waitForMessage(groupId(), (m) => textOf(m) === `🎫 #${ticketId} · Bob\nAre you there?`, 20_000);
    expect(reopened.message_thread_id).not.toBe(threadId);
    expect(driver.topics(groupId()).map((t) => t.threadId)).toContain(reopened.message_thread_id);

    driver.userSendsToGroup(admin, groupId(), { text: '/close' }, { threadId: reopened.message_thread_id ?? 0 });
    await driver.waitForMessage(bob.id, (m) => textOf(m).startsWith(`✅ Support closed ticket #${ticketId}`), 15_000);
    const got = await world.api.inject({ method: 'GET', url: `/v1/admin/support/tickets/${ticketId}`, headers: ADMIN_KEY });
    expect((got.json() as { ticket: { status: string; assignee: string } }).ticket).toMatchObject({ status: 'closed', assignee: String(admin.id) });
  }, 60_000);
});
