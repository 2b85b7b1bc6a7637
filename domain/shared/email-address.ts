declare const emailAddress: unique symbol;

/** An address mail can be sent to, checked once where it enters (a shopper typing it, a seller's contact). */
export type EmailAddress = string & { readonly [emailAddress]: true };

/** RFC 5321's limits: 64 for the local part, 254 for the whole path a server accepts. */
const MAX_LOCAL = 64;
const MAX_TOTAL = 254;
// Dot-atoms only (no quoted local parts or address literals: no shopper needs them, and every SMTP relay takes these).
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * The address as written, trimmed, with its domain in lower case (domains are case-blind; the local part is the
 * receiving server's business and is kept as typed); null when it is not one.
 */
export function emailAddressOf(written: string): EmailAddress | null {
  const text = written.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || text.length > MAX_TOTAL) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return null;
  const labels = domain.split('.');
  // A dot in the domain: a bare host name is never a shopper's mailbox, and it is the commonest typo ("me@gmail").
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1] as string)) return null;
  return `${local}@${domain}` as EmailAddress;
}
