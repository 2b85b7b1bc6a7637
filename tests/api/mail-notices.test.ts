import { databaseBackends } from '../support/services';
import { TestSmtpServer, startSmtpServer } from '../support/smtp-server';
import { TestShop, eventually, giveCredit, startTestShop } from '../support/test-shop';

// Notices by mail through a real SMTP server in this process: they arrive for the steps that send them, and with the
// server down every state change still happens and the mail goes out once it is back (its own outbox retries).
describe.each(databaseBackends())('notices by mail (%s)', (backend) => {
  let smtp: TestSmtpServer;
  let shop: TestShop;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  beforeAll(async () => {
    smtp = await startSmtpServer();
    shop = await startTestShop(backend, { SMTP_URL: smtp.url, MAIL_FROM: 'Shop <shop@example.com>' }, { clock });
  });
  afterAll(async () => {
    await shop.close();
    await smtp.stop();
  });

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

  it('mails the seller their approval and the shopper a credit change, besides the chat', async () => {
    const applied = await shop.api.inject({
      method: 'POST',
      url: '/v1/seller/application',
      headers: shop.shopper(8101),
      payload: { shopName: 'Mailed shop', contact: '@mailed', email: 'seller@example.com' },
    });
    expect(applied.statusCode).toBe(201);
    await shop.api.inject({ method: 'POST', url: `/v1/admin/sellers/${applied.json().id}/approve`, headers: shop.admin });
    await shop.app.pump.flush();
    const [approval] = await eventually(
      async () => mailsTo('seller@example.com'),
      (m) => m.length === 1,
    );
    expect(approval).toMatchObject({ from: 'shop@example.com', subject: expect.stringContaining('approved') });
    expect(approval?.text).toContain('Mailed shop');

    await shop.api.inject({ method: 'GET', url: '/v1/account', headers: shop.shopper(8102) });
    const set = await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: shop.shopper(8102), payload: { email: 'buyer@example.com' } });
    expect(set.json()).toEqual({ email: 'buyer@example.com' });
    expect((await shop.api.inject({ method: 'PUT', url: '/v1/account/email', headers: shop.shopper(8102), payload: { email: 'not mail' } })).statusCode).toBe(
      400,
    );
    await giveCredit(shop, 8102, 500);
    await shop.app.pump.flush();
    const [credit] = await eventually(
      async () => mailsTo('buyer@example.com'),
      (m) => m.length === 1,
    );
    expect(credit?.text).toContain('5.00 CNY');
    // A shopper without an address gets no mail.
    await giveCredit(shop, 8103, 500);
    await shop.app.pump.flush();
    expect(smtp.mails).toHaveLength(2);
  });

  it('with the mail server down the change still happens, and the mail is sent once it is back', async () => {
    const applied = (
      await shop.api.inject({
        method: 'POST',
        url: '/v1/seller/application',
        headers: shop.shopper(8201),
        payload: { shopName: 'Patient shop', contact: '@patient', email: 'patient@example.com' },
      })
    ).json();
    await smtp.stop();
    const approved = await shop.api.inject({ method: 'POST', url: `/v1/admin/sellers/${applied.id}/approve`, headers: shop.admin });
    expect(approved.json()).toMatchObject({ status: 'active' });
    await shop.app.pump.flush();
    // The seller already acts as one; the mail waits in the outbox.
    expect((await shop.api.inject({ method: 'GET', url: '/v1/seller', headers: shop.shopper(8201) })).statusCode).toBe(200);
    const pending = await shop.app.persistence.uow.read(async () =>
      shop.app.persistence.dataSource.query("SELECT status, attempts FROM outbox WHERE topic = 'mail.notice' AND status = 'PENDING'"),
    );
    expect(pending).toHaveLength(1);
    expect(mailsTo('patient@example.com')).toHaveLength(0);

    await smtp.start();
    offsetMs += 10 * 60_000; // past the mail's backoff
    await shop.app.pump.flush();
    const [mail] = await eventually(
      async () => mailsTo('patient@example.com'),
      (m) => m.length === 1,
    );
    expect(mail?.subject).toContain('approved');
    // Once: another drain sends nothing more.
    offsetMs += 60 * 60_000;
    await shop.app.pump.flush();
    expect(mailsTo('patient@example.com')).toHaveLength(1);
  });
});
