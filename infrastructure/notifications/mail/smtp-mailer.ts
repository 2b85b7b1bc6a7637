import nodemailer, { Transporter } from 'nodemailer';
import { Mailer, NoticeMail } from '../../../domain/messaging';
import { renderNoticeMail } from './mail-templates';

export interface SmtpSettings {
  /** smtp://user:pass@host:port (smtps:// for TLS from the start). */
  url: string;
  from: string;
  currency: string;
  shopName: string;
  /** How long to wait for the server before the outbox tries again later. */
  timeoutMs?: number;
}

/**
 * The mail channel over SMTP (nodemailer). A server that refuses or cannot be reached throws: the `mail.notice`
 * message is tried again with its own backoff, and nothing else waits for it.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const timeout = settings.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport(settings.url, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(mail: NoticeMail): Promise<void> {
    const rendered = renderNoticeMail(mail, this.settings.currency, this.settings.shopName);
    await this.transport.sendMail({ from: this.settings.from, to: mail.to, subject: rendered.subject, text: rendered.text });
  }

  close(): void {
    this.transport.close();
  }
}
