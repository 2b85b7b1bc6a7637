import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { LookupFunction } from 'node:net';
import { WebhookHostResolver, ipLiteralKind, isPublicAddress } from '../../domain/catalog';

/** What a refused send says (and the delivery records): stable, so an operator can search for it. */
export const TARGET_REFUSED = 'WEBHOOK_TARGET_NOT_ALLOWED';

const refusal = (message: string): NodeJS.ErrnoException => Object.assign(new Error(`${TARGET_REFUSED}: ${message}`), { code: TARGET_REFUSED });

/**
 * The http(s) agent's `lookup`: the name is resolved here, every address it has is checked, and the socket connects
 * to the very addresses checked — so a name that answers a public address to the admin's check and a private one
 * to the send (DNS rebinding) is refused, not sent.
 */
export type AllAddressesLookup = (
  hostname: string,
  options: { all: true; family?: number | string },
  done: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookup: AllAddressesLookup = (hostname, options, done) =>
  dnsLookup(hostname, { ...options, family: Number(options.family ?? 0) as 0 | 4 | 6 }, done);

/** The names' addresses now, as the shop's own connections would get them (getaddrinfo: /etc/hosts, then DNS). */
export function webhookHostResolver(base: AllAddressesLookup = systemLookup): WebhookHostResolver {
  return {
    addressesOf: (host) => new Promise((done) => base(host, { all: true }, (error, addresses) => done(error ? [] : addresses.map((a) => a.address)))),
  };
}

export const dnsWebhookHostResolver: WebhookHostResolver = webhookHostResolver();

/** `base` is the system resolver (getaddrinfo); a test gives a DNS that answers what it wants. */
export const publicOnlyLookup =
  (base: AllAddressesLookup = systemLookup): LookupFunction =>
  (hostname, options, callback) => {
    base(hostname, { all: true, ...(options.family ? { family: options.family } : {}) }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const inside = addresses.find((a) => !isPublicAddress(a.address));
      if (inside) return callback(refusal(`${hostname} resolves to ${inside.address}, a private, loopback or link-local address`), '', 4);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      // Node asks for all addresses when it tries several (autoSelectFamily), else for one.
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, first.address, first.family);
    });
  };

/** An address literal never goes through `lookup`: checked here before the request. Null when it may be sent. */
export function literalTargetRefusal(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!ipLiteralKind(host) || isPublicAddress(host)) return null;
  return `${TARGET_REFUSED}: ${host} is a private, loopback or link-local address`;
}
