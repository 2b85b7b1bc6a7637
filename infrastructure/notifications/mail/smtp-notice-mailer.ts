import nodemailer, { Transporter } from 'nodemailer';
import type { NoticeMailer, SellerNotice, ShopperNotice } from '../../../domain/messaging';
import { languageOf } from '../../../domain/shared/languages';
import { minor, writeMajorUnits } from '../../../domain/shared/money';
import { MailSettings } from '../../config/config';
import { MAIL_TEXTS } from './mail-texts';

/** A mail server that takes the connection and then says nothing must not hold an outbox lease (60 s) to its end. */
const SMTP_TIMEOUT_MS = 20_000;

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * Notices as plain-text mail over SMTP (nodemailer), in the person's language (English when the shop does not speak
 * theirs). A refused or unreachable server throws: the outbox tries the mail again, and only the mail.
 */
export class SmtpNoticeMailer implements NoticeMailer {
  private readonly transport: Transporter;

  constructor(
    private readonly settings: MailSettings,
    private readonly currency: string,
  ) {
    this.transport = nodemailer.createTransport(settings.smtpUrl, {
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  async mailNotice(to: string, language: string | null, notice: ShopperNotice): Promise<void> {
    const texts = MAIL_TEXTS[languageOf(language) ?? 'en'].shopper[notice.event];
    const amount = this.money(notice.amount);
    const signed = notice.event === 'CREDIT_ADJUSTED' && notice.amount !== undefined ? `${notice.amount < 0 ? '-' : '+'}${amount}` : amount;
    const values = {
      orderNo: notice.orderNo ?? '',
      amount: signed,
      ticketId: notice.ticketId === undefined ? '' : String(notice.ticketId),
      text: notice.text ?? '',
      detail: notice.detail ?? '',
    };
    await this.transport.sendMail({ from: this.settings.from, to, subject: fill(texts.subject, values), text: fill(texts.body, values) });
  }

  async mailSellerNotice(to: string, language: string | null, notice: SellerNotice): Promise<void> {
    const texts = MAIL_TEXTS[languageOf(language) ?? 'en'].seller[notice.event];
    const values = { orderNo: notice.orderNo ?? '', amount: this.money(notice.amount), detail: notice.detail ?? '' };
    await this.transport.sendMail({ from: this.settings.from, to, subject: fill(texts.subject, values), text: fill(texts.body, values) });
  }

  private money(amount: number | undefined): string {
    return amount === undefined ? '' : `${writeMajorUnits(minor(Math.abs(amount)), this.currency)} ${this.currency}`;
  }

  close(): void {
    this.transport.close();
  }
}
