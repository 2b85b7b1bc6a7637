import { OutboxEntry, defineTopic } from '../shared/outbox/topic';
import { RetryPolicy } from '../shared/outbox/outbox-handler';
import { SellerNotice, ShopperNotice, sellerNoticeTopic, shopperNoticeTopic } from './notices';

/** Who a notice is mailed to: their address and the language they read (chosen, else Telegram's). */
export interface MailContact {
  email: string | null;
  language: string | null;
}

/** The mail channel (SMTP through nodemailer outside the domain): one notice, one message, in the person's language. */
export interface NoticeMailer {
  mailNotice(to: string, language: string | null, notice: ShopperNotice): Promise<void>;
  mailSellerNotice(to: string, language: string | null, notice: SellerNotice): Promise<void>;
}

/** The same notice as `notify.shopper`, queued on its own topic so a mail server that is down retries only the mail. */
export const mailNoticeTopic = defineTopic<ShopperNotice>('mail.notice', (p) => shopperNoticeTopic.decode(p));

/** Keyed by the chat notice it follows: a retried chat notice never queues its mail twice. */
export const mailNotice = (notice: ShopperNotice, chatDedupeKey: string): OutboxEntry => mailNoticeTopic.message(notice, `mail:${chatDedupeKey}`);

/** A seller's notice by mail, on its own topic too (the seller's address is read when it is sent). */
export const sellerMailNoticeTopic = defineTopic<SellerNotice>('mail.seller-notice', (p) => sellerNoticeTopic.decode(p));

export const sellerMailNotice = (notice: SellerNotice, chatDedupeKey: string): OutboxEntry => sellerMailNoticeTopic.message(notice, `mail:${chatDedupeKey}`);

/**
 * A mail server that is down for an afternoon still gets the mail: 10 s, 20 s, … capped at 30 min, for about a day
 * (48 tries) before the message is DEAD for a person to look at.
 */
export const MAIL_RETRY: RetryPolicy = { maxAttempts: 48, backoffMs: (attempts) => Math.min(10_000 * 2 ** attempts, 30 * 60_000) };
