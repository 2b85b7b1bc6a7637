// Notices by mail through a real SMTP server: the shopper's address, their language, and a mail server that is down
// for a while (the state changes happen; the mail goes out once it is back, once).
import { createProduct, eventually, startTestShop, TestShop } from '../../support/test-shop';
import { databaseBackends } from '../../support/services';
import { startTestSmtpServer, TestSmtpServer } from '../../support/smtp-server';

const MAIL_WAIT_MS = 30_000;

describe.each(databaseBackends())('notices by mail (%s)', (backend) => {
  let smtp: TestSmtpServer;
  let shop: TestShop;
  // The shop's clock runs ahead when a test needs a retry to fall due; everything else keeps real time.
  let ahead = 0;
  const clock = { now: () => new Date(Date.now() + ahead) };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    shop = await startTestShop(backend, { SMTP_URL: smtp.url, MAIL_FROM: 'Tea Shop <shop@tea.example>' }, { clock });
  });
  afterAll(async () => {
    await shop.close();
    await smtp.stop();
  });

  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const adjust = (userId: number, amount: number) =>
    shop.api.inject({ method: 'POST', url: `/v1/admin/accounts/${userId}/adjustments`, headers: shop.admin, payload: { amount, reason: 'test' } });

  it('takes an address, refuses what is not one, and can stop mail', async () => {
    const me = shop.shopper(8101);
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account/email', headers: me })).json()).toEqual({ email: null });
    const bad = await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: 'me@gmail' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const set = await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: ' Me.Tea@Example.COM ' } });
    expect(set.json()).toEqual({ email: 'Me.Tea@example.com' });
    const off = await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: null } });
    expect(off.json()).toEqual({ email: null });
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account/email', headers: me })).json()).toEqual({ email: null });
  });

  it('mails an order delivery and a credit change in the shopper’s language; nobody without an address gets mail', async () => {
    const en = shop.shopper(8102);
    const zh = shop.shopper(8103);
    await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: en, payload: { email: 'en@tea.example' } });
    await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: zh, payload: { email: 'zh@tea.example' } });
    expect((await shop.app.shop.account.chooseLanguage('8103', 'zh')).ok).toBe(true);
    await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(8104) });

    expect((await adjust(8102, 5000)).statusCode).toBe(201);
    expect((await adjust(8103, 990)).statusCode).toBe(201);
    expect((await adjust(8104, 100)).statusCode).toBe(201);
    await eventually(
      async () => mailsTo('en@tea.example').length + mailsTo('zh@tea.example').length,
      (n) => n >= 2,
      MAIL_WAIT_MS,
    );
    expect(mailsTo('en@tea.example')).toEqual([
      {
        from: '"Tea Shop" <shop@tea.example>',
        to: ['en@tea.example'],
        subject: 'Your credit balance changed',
        text: 'Your credit balance changed by +50.00 CNY.',
      },
    ]);
    expect(mailsTo('zh@tea.example')).toEqual([expect.objectContaining({ subject: '你的余额有变动', text: '你的余额变动了 +9.90 CNY。' })]);

    const product = await createProduct(shop, { sku: 'MAIL-KEY', title: 'Key', kind: 'code', price: { amount: 1500, currency: 'CNY' } });
    await shop.api.inject({ method: 'POST', url: `/v1/admin/products/${product}/codes`, headers: shop.admin, payload: { codes: ['M-1'] } });
    const placed = await shop.api.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...en, 'idempotency-key': 'mail-order-0001' },
      payload: { items: [{ productId: product, quantity: 1 }], paymentMethod: 'credit' },
    });
    expect(placed.json()).toMatchObject({ status: 'PAID' });
    const orderNo = (placed.json() as { orderNo: string }).orderNo;
    const delivered = await eventually(
      async () => mailsTo('en@tea.example').filter((m) => m.subject === `Order ${orderNo} is delivered`),
      (mails) => mails.length === 1,
      MAIL_WAIT_MS,
    );
    expect(delivered[0]?.text).toContain(orderNo);
    await shop.app.pump.flush();
    // The shopper without an address: the chat (here the log) had it, the mail server never heard of them.
    expect(smtp.received.every((m) => m.to.every((to) => to === 'en@tea.example' || to === 'zh@tea.example'))).toBe(true);
  });

  it('keeps every change while the mail server is down and mails once when it is back', async () => {
    const me = shop.shopper(8105);
    await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: 'later@tea.example' } });
    const port = smtp.port;
    await smtp.stop();
    expect((await adjust(8105, 700)).statusCode).toBe(201);
    // The change is durable and the chat notice went out; only the mail waits.
    expect((await shop.api.inject({ method: 'GET', url: '/v1/account', headers: me })).json()).toMatchObject({ balance: { amount: 700 } });
    const waiting = async () =>
      Number(
        (
          (await shop.app.persistence.dataSource.query(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'mail.notice' AND status = 'PENDING' AND attempts > 0",
          )) as Array<{ n: number | string }>
        )[0]?.n ?? 0,
      );
    await eventually(
      async () => (await shop.app.pump.flush(), waiting()),
      (n) => n === 1,
      MAIL_WAIT_MS,
    );
    expect(mailsTo('later@tea.example')).toEqual([]);

    await smtp.start();
    expect(smtp.port).toBe(port);
    ahead += 60 * 60_000; // past the next retry
    await eventually(
      async () => (await shop.app.pump.flush(), mailsTo('later@tea.example').length),
      (n) => n === 1,
      MAIL_WAIT_MS,
    );
    expect(mailsTo('later@tea.example')[0]).toMatchObject({ subject: 'Your credit balance changed', text: 'Your credit balance changed by +7.00 CNY.' });
    ahead += 24 * 60 * 60_000;
    await shop.app.pump.flush();
    expect(mailsTo('later@tea.example')).toHaveLength(1);
  });
});
