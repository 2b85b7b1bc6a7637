// Notices by mail through a real SMTP server: the shopper's address, their language, and a mail server that is down
// for a while (the state changes happen; the mail goes out once it is back, once).
import { createProduct, eventually } from '../../support/test-shop';
import { databaseBackends } from '../../support/services';
import { mailingShop } from '../../support/mail-shop';

const MAIL_WAIT_MS = 30_000;

describe.each(databaseBackends())('notices by mail (%s)', (backend) => {
  const mail = mailingShop(backend, 'Tea Shop <shop@tea.example>');
  const { mailsTo } = mail;
  const adjust = (userId: number, amount: number) =>
    mail.shop.api.inject({ method: 'POST', url: `/v1/admin/accounts/${userId}/adjustments`, headers: mail.shop.admin, payload: { amount, reason: 'test' } });

  it('takes an address, refuses what is not one, and can stop mail', async () => {
    const me = mail.shop.shopper(8101);
    expect((await mail.shop.api.inject({ method: 'GET', url: '/v1/account/email', headers: me })).json()).toEqual({ email: null });
    const bad = await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: 'me@gmail' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const set = await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: ' Me.Tea@Example.COM ' } });
    expect(set.json()).toEqual({ email: 'Me.Tea@example.com' });
    const off = await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: null } });
    expect(off.json()).toEqual({ email: null });
    expect((await mail.shop.api.inject({ method: 'GET', url: '/v1/account/email', headers: me })).json()).toEqual({ email: null });
  });

  it('mails an order delivery and a credit change in the shopper’s language; nobody without an address gets mail', async () => {
    const en = mail.shop.shopper(8102);
    const zh = mail.shop.shopper(8103);
    await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: en, payload: { email: 'en@tea.example' } });
    await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: zh, payload: { email: 'zh@tea.example' } });
    expect((await mail.shop.app.shop.account.chooseLanguage('8103', 'zh')).ok).toBe(true);
    await mail.shop.api.inject({ method: 'GET', url: '/v1/account', headers: mail.shop.shopper(8104) });

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

    const product = await createProduct(mail.shop, { sku: 'MAIL-KEY', title: 'Key', kind: 'code', price: { amount: 1500, currency: 'CNY' } });
    await mail.shop.api.inject({ method: 'POST', url: `/v1/admin/products/${product}/codes`, headers: mail.shop.admin, payload: { codes: ['M-1'] } });
    const placed = await mail.shop.api.inject({
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
    await mail.shop.app.pump.flush();
    // The shopper without an address: the chat (here the log) had it, the mail server never heard of them.
    expect(mail.smtp.received.every((m) => m.to.every((to) => to === 'en@tea.example' || to === 'zh@tea.example'))).toBe(true);
  });

  it('keeps every change while the mail server is down and mails once when it is back', async () => {
    const me = mail.shop.shopper(8105);
    await mail.shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: me, payload: { email: 'later@tea.example' } });
    const port = mail.smtp.port;
    await mail.smtp.stop();
    expect((await adjust(8105, 700)).statusCode).toBe(201);
    // The change is durable and the chat notice went out; only the mail waits.
    expect((await mail.shop.api.inject({ method: 'GET', url: '/v1/account', headers: me })).json()).toMatchObject({ balance: { amount: 700 } });
    const waiting = async () =>
      Number(
        (
          (await mail.shop.app.persistence.dataSource.query(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'mail.notice' AND status = 'PENDING' AND attempts > 0",
          )) as Array<{ n: number | string }>
        )[0]?.n ?? 0,
      );
    await eventually(
      async () => (await mail.shop.app.pump.flush(), waiting()),
      (n) => n === 1,
      MAIL_WAIT_MS,
    );
    expect(mailsTo('later@tea.example')).toEqual([]);

    await mail.smtp.start();
    expect(mail.smtp.port).toBe(port);
    mail.ahead += 60 * 60_000; // past the next retry
    await eventually(
      async () => (await mail.shop.app.pump.flush(), mailsTo('later@tea.example').length),
      (n) => n === 1,
      MAIL_WAIT_MS,
    );
    expect(mailsTo('later@tea.example')[0]).toMatchObject({ subject: 'Your credit balance changed', text: 'Your credit balance changed by +7.00 CNY.' });
    mail.ahead += 24 * 60 * 60_000;
    await mail.shop.app.pump.flush();
    expect(mailsTo('later@tea.example')).toHaveLength(1);
  });
});
