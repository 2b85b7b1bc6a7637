// A test shop that mails through a real SMTP server in the test process, for a describe block: started before its
// tests, stopped after them. Its clock runs `ahead` of real time when a test needs a mail retry to fall due.
import { Backend } from './services';
import { ReceivedMail, TestSmtpServer, startTestSmtpServer } from './smtp-server';
import { TestShop, startTestShop } from './test-shop';

export interface MailingShop {
  shop: TestShop;
  smtp: TestSmtpServer;
  /** Milliseconds the shop's clock runs ahead of real time; a test moves it on. */
  ahead: number;
  mailsTo(address: string): ReceivedMail[];
}

export function mailingShop(backend: Backend, mailFrom: string): MailingShop {
  const world = {
    ahead: 0,
    mailsTo: (address: string) => world.smtp.received.filter((m) => m.to.includes(address)),
  } as MailingShop;
  const clock = { now: () => new Date(Date.now() + world.ahead) };
  beforeAll(async () => {
    world.smtp = await startTestSmtpServer();
    world.shop = await startTestShop(backend, { SMTP_URL: world.smtp.url, MAIL_FROM: mailFrom }, { clock });
  });
  afterAll(async () => {
    await world.shop.close();
    await world.smtp.stop();
  });
  return world;
}
