import { Minor, minor } from '../shared/money';
import { defineTopic, optionalNumber, optionalText, text } from '../shared/outbox/topic';
import { SELLER_EVENTS, SHOPPER_EVENTS } from './notices';

/** One notice as a mail to one address; rendered (zh/en/ru) and sent by the mail channel outside the domain. */
export interface NoticeMail {
  to: string;
  language: string | null;
  audience: 'shopper' | 'seller';
  event: string;
  orderNo?: string;
  amount?: Minor;
  detail?: string;
}

/** The mail channel (SMTP outside the domain). Throws when the server cannot take the mail: the outbox tries again later. */
export interface Mailer {
  send(mail: NoticeMail): Promise<void>;
}

/** A mail address as people write one: something@somewhere.tld, no spaces; checked when it is set, not when it is sent. */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
export const MAX_EMAIL_LENGTH = 191;

export const isEmail = (value: string): boolean => value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value);

const EVENTS: Record<NoticeMail['audience'], readonly string[]> = { shopper: SHOPPER_EVENTS, seller: SELLER_EVENTS };

/**
 * The mail copy of a notice, queued by the notice's own handler in a message of its own: each channel is tried again
 * on its own schedule, so a mail server that is down delays the mail and nothing else (the chat went already).
 */
export const noticeMailTopic = defineTopic<NoticeMail>('mail.notice', (p) => {
  const to = text(p.to);
  const audience = p.audience === 'shopper' || p.audience === 'seller' ? p.audience : null;
  const event = text(p.event);
  if (to === null || audience === null || event === null || !EVENTS[audience].includes(event)) return null;
  const language = optionalText(p.language);
  const orderNo = optionalText(p.orderNo);
  const amount = optionalNumber(p.amount);
  if (amount !== undefined && !Number.isSafeInteger(amount)) return null;
  const detail = optionalText(p.detail);
  return {
    to,
    language: language ?? null,
    audience,
    event,
    ...(orderNo !== undefined ? { orderNo } : {}),
    ...(amount !== undefined ? { amount: minor(amount) } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
});
