// A seller's notices by mail through a real SMTP server: a new paid order (and the manual order waiting for them)
// reaches the shop's own address, or the address of the person who runs it; with the mail server down every state
// change still happens, and the mail goes out once when it is back.
import { createProduct, eventually, giveCredit } from '../../support/test-shop';
import { databaseBackends } from '../../support/services';
import { mailingShop } from '../../support/mail-shop';
import { addSeller, giveProductTo } from '../../support/marketplace';

const MAIL_WAIT_MS = 30_000;

describe.each(databaseBackends())('a seller’s notices by mail (%s)', (backend) => {
  const mail = mailingShop(backend, 'Market <market@tea.example>');
  const { mailsTo } = mail;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    mail.shop.api.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  const flushUntil = <T>(probe: () => T | Promise<T>, accept: (v: T) => boolean) =>
    eventually(
      async (): Promise<T> => {
        await mail.shop.app.pump.flush();
        return probe();
      },
      accept,
      MAIL_WAIT_MS,
    );

  async function buy(shopper: number, key: string, productIds: number[]): Promise<Array<{ orderNo: string; sellerId: number }>> {
    const placed = await call(
      'POST',
      '/v1/checkouts',
      { ...mail.shop.shopper(shopper), 'idempotency-key': key },
      { items: productIds.map((productId) => ({ productId, quantity: 1 })), paymentMethod: 'credit' },
    );
    expect(placed.statusCode).toBe(201);
    return placed.json().orders;
  }

  let a: { id: number };
  let b: { id: number };
  let lesson: number;
  let poster: number;

  it('mails a new paid order to the shop’s own address, else to the address of the person who runs it', async () => {
    a = await addSeller(mail.shop.app.persistence, { telegramUserId: '8501', confirmWindowMinutes: 60 });
    b = await addSeller(mail.shop.app.persistence, { telegramUserId: '8502', confirmWindowMinutes: 60 });
    // A's shop has an address of its own (and its runner another); B's runner gave theirs as a shopper only.
    expect((await call('PATCH', '/v1/seller', mail.shop.shopper(8501), { email: 'orders@alpha.example' })).statusCode).toBe(200);
    expect((await call('PUT', '/v1/account/email', mail.shop.shopper(8501), { email: 'anna@alpha.example' })).statusCode).toBe(200);
    expect((await call('PUT', '/v1/account/email', mail.shop.shopper(8502), { email: 'bo@beta.example' })).statusCode).toBe(200);
    lesson = await createProduct(mail.shop, { sku: 'MAIL-LESSON', title: 'Lesson', kind: 'manual', price: { amount: 3000, currency: 'CNY' } });
    await giveProductTo(mail.shop.app.persistence, lesson, a.id);
    poster = await createProduct(mail.shop, { sku: 'MAIL-POSTER', title: 'Poster', kind: 'manual', price: { amount: 1000, currency: 'CNY' } });
    await giveProductTo(mail.shop.app.persistence, poster, b.id);

    await giveCredit(mail.shop, 8550, 50_000);
    const orders = await buy(8550, 'seller-mail-1', [lesson, poster]);
    const forA = orders.find((o) => o.sellerId === a.id)?.orderNo ?? '';
    const forB = orders.find((o) => o.sellerId === b.id)?.orderNo ?? '';
    await flushUntil(
      () => mailsTo('orders@alpha.example').length + mailsTo('bo@beta.example').length,
      (n) => n >= 2,
    );
    expect(mailsTo('orders@alpha.example')).toEqual([
      {
        from: '"Market" <market@tea.example>',
        to: ['orders@alpha.example'],
        subject: `New order ${forA} to confirm`,
        text: `New paid order ${forA} (30.00 CNY) is waiting for you to confirm it.`,
      },
    ]);
    expect(mailsTo('bo@beta.example')).toEqual([expect.objectContaining({ subject: `New order ${forB} to confirm` })]);
    // The shop's own address wins over its runner's.
    expect(mailsTo('anna@alpha.example').filter((m) => m.subject.includes(forA))).toEqual([]);

    // Confirmed: the manual order now waits for A's own hands, and A hears that by mail too.
    expect((await call('POST', `/v1/seller/orders/${forA}/confirm`, mail.shop.shopper(8501))).statusCode).toBe(200);
    const toFulfil = await flushUntil(
      () => mailsTo('orders@alpha.example').filter((m) => m.subject === `Order ${forA} to hand over`),
      (mails) => mails.length === 1,
    );
    expect(toFulfil[0]?.text).toContain(forA);
  });

  it('keeps every state change while the mail server is down and mails once when it is back', async () => {
    const port = mail.smtp.port;
    await mail.smtp.stop();
    const orders = await buy(8550, 'seller-mail-2', [poster]);
    const forB = orders[0]?.orderNo ?? '';
    // Paid and waiting for B, and B's confirmation goes through: the mail server holds nothing up.
    const confirmed = await call('POST', `/v1/seller/orders/${forB}/confirm`, mail.shop.shopper(8502));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ orderNo: forB, status: 'PAID' });
    const waiting = async () =>
      Number(
        (
          (await mail.shop.app.persistence.dataSource.query(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'mail.seller-notice' AND status = 'PENDING' AND attempts > 0 AND payload LIKE ?",
            [`%${forB}%`],
          )) as Array<{ n: number | string }>
        )[0]?.n ?? 0,
      );
    await flushUntil(waiting, (n) => n >= 1);
    expect(mailsTo('bo@beta.example').filter((m) => m.subject.includes(forB))).toEqual([]);
    // The chat notices went out meanwhile (the test shop's chat is the log): only mail waits.
    expect(
      Number(
        (
          (await mail.shop.app.persistence.dataSource.query(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'notify.seller' AND status <> 'DONE' AND payload LIKE ?",
            [`%${forB}%`],
          )) as Array<{ n: number | string }>
        )[0]?.n ?? 0,
      ),
    ).toBe(0);

    await mail.smtp.start();
    expect(mail.smtp.port).toBe(port);
    mail.ahead += 60 * 60_000; // past the next retry
    const arrived = await flushUntil(
      () => mailsTo('bo@beta.example').filter((m) => m.subject.includes(forB)),
      (mails) => mails.length >= 2,
    );
    expect(arrived.map((m) => m.subject).sort()).toEqual([`New order ${forB} to confirm`, `Order ${forB} to hand over`]);
    mail.ahead += 24 * 60 * 60_000;
    await mail.shop.app.pump.flush();
    expect(mailsTo('bo@beta.example').filter((m) => m.subject.includes(forB))).toHaveLength(2);
  });
});
