import { DomainError, Result, err, ok } from '../shared/result';
import { ipLiteralKind, isPublicAddress } from './ip-address';

/**
 * Where a `webhook` product's fulfilment may be sent. The shop POSTs there from inside its own network, so an
 * admin's URL must not reach what only the shop can reach (Redis on 127.0.0.1, the cloud's metadata at
 * 169.254.169.254, a database on 10.x).
 */
export interface WebhookUrlRules {
  /** Private, loopback and link-local targets allowed (WEBHOOK_ALLOW_PRIVATE): a merchant system on the same network. */
  allowPrivate: boolean;
  /** Only https (production). */
  requireHttps: boolean;
}

export const STRICT_WEBHOOK_URL_RULES: WebhookUrlRules = { allowPrivate: false, requireHttps: true };

export type WebhookUrlError = DomainError<'WEBHOOK_URL_NOT_ALLOWED'>;

/** The addresses a host name has now (empty when it has none); the infrastructure asks DNS. */
export interface WebhookHostResolver {
  addressesOf(host: string): Promise<string[]>;
}

export interface WebhookTargets {
  rules: WebhookUrlRules;
  resolver: WebhookHostResolver;
}

const refused = (field: string, message: string): Result<never, WebhookUrlError> =>
  err({ code: 'WEBHOOK_URL_NOT_ALLOWED', message: `${field}: ${message}`, details: { field } });

/** Host names that mean this machine whatever DNS says (RFC 6761), and names with no dot (a neighbour on the LAN). */
const isLocalName = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || !host.includes('.');

/** The rules a URL's text can be checked against (no DNS): scheme, and the host when it is an address or a local name. */
const parsed = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** Not a URL at all is the draft validation's to report (VALIDATION_FAILED); these rules pass it. */
export function checkWebhookUrlText(field: string, url: string, rules: WebhookUrlRules): Result<string, WebhookUrlError> {
  const u = parsed(url);
  if (!u) return ok(url);
  if (rules.requireHttps && u.protocol !== 'https:') return refused(field, 'must be an https URL');
  if (u.username || u.password) return refused(field, 'must not carry a user name or password');
  if (rules.allowPrivate) return ok(url);
  const host = u.hostname.replace(/\.$/, '');
  if (ipLiteralKind(host)) {
    if (!isPublicAddress(host)) return refused(field, `${host} is a private, loopback or link-local address (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`);
  } else if (isLocalName(host)) {
    return refused(field, `${host} is a local host name (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`);
  }
  return ok(url);
}

/**
 * The same check with DNS: a host name that resolves to any non-public address is refused. A name with no address
 * now is accepted (the merchant's system may not be up yet): every send resolves and checks it again.
 */
export async function checkWebhookTarget(field: string, url: string, targets: WebhookTargets): Promise<Result<string, WebhookUrlError>> {
  const text = checkWebhookUrlText(field, url, targets.rules);
  const u = parsed(url);
  if (!text.ok || targets.rules.allowPrivate || !u) return text;
  const host = u.hostname.replace(/\.$/, '');
  if (ipLiteralKind(host)) return text;
  const inside = (await targets.resolver.addressesOf(host)).find((a) => !isPublicAddress(a));
  if (inside) return refused(field, `${host} resolves to ${inside}, a private, loopback or link-local address (set WEBHOOK_ALLOW_PRIVATE=true to allow it)`);
  return text;
}
