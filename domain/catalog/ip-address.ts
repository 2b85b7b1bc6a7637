/**
 * Which addresses a fulfilment webhook may be sent to: the public internet only. Written from the IANA special-purpose
 * registries (RFC 6890 and successors) as text parsing, because the domain imports no `node:net`; the infrastructure
 * asks the same function at send time, so the rule at setting and at sending is one.
 */

type Range4 = readonly [number, number]; // [network as uint32, prefix length]

const v4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Not the public internet: "this network", private, shared (CGNAT), loopback, link-local, documentation, benchmark, multicast, reserved. */
const NON_PUBLIC_V4: ReadonlyArray<Range4> = [
  [v4(0, 0, 0, 0), 8],
  [v4(10, 0, 0, 0), 8],
  [v4(100, 64, 0, 0), 10],
  [v4(127, 0, 0, 0), 8],
  [v4(169, 254, 0, 0), 16],
  [v4(172, 16, 0, 0), 12],
  [v4(192, 0, 0, 0), 24],
  [v4(192, 0, 2, 0), 24],
  [v4(192, 88, 99, 0), 24],
  [v4(192, 168, 0, 0), 16],
  [v4(198, 18, 0, 0), 15],
  [v4(198, 51, 100, 0), 24],
  [v4(203, 0, 113, 0), 24],
  [v4(224, 0, 0, 0), 4],
  [v4(240, 0, 0, 0), 4],
];

function parseV4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    value = value * 256 + Number(p);
  }
  return value >>> 0;
}

const inRange4 = (ip: number, [net, bits]: Range4): boolean => bits === 0 || ip >>> (32 - bits) === net >>> (32 - bits);

/** Eight 16-bit groups, or null when `text` is not an IPv6 address (a trailing dotted IPv4 part is allowed). */
function parseV6(text: string): number[] | null {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
    const embedded = parseV4(s.slice(lastColon + 1));
    if (embedded === null) return null;
    tail.push(embedded >>> 16, embedded & 0xffff);
    s = s.slice(0, lastColon + 1); // "::ffff:" / "1:2:3:4:5:6:" / "::"
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest, ...tail];
}

const embeddedV4 = (g: number[], at: number): number => (((g[at] ?? 0) << 16) | (g[at + 1] ?? 0)) >>> 0;

function isPublicV6(g: number[]): boolean {
  const [a = 0, b = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return false; // :: unspecified
  if (zeroUpTo(7) && g[7] === 1) return false; // ::1 loopback
  if (zeroUpTo(5) && g[5] === 0xffff) return isPublicV4(embeddedV4(g, 6)); // ::ffff:a.b.c.d mapped
  if (zeroUpTo(6)) return isPublicV4(embeddedV4(g, 6)); // ::a.b.c.d compatible (deprecated)
  if (a === 0x64 && b === 0xff9b) return isPublicV4(embeddedV4(g, 6)); // NAT64 64:ff9b::/96 (and /48 local use)
  if (a === 0x2002) return isPublicV4(embeddedV4(g, 1)); // 6to4 carries an IPv4 address
  if ((a & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return false; // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return false; // fec0::/10 site-local (deprecated)
  if ((a & 0xff00) === 0xff00) return false; // multicast
  if (a === 0x2001 && b === 0x0db8) return false; // documentation
  if (a === 0x2001 && b < 0x0200) return false; // 2001::/23 IETF protocol assignments (Teredo, ORCHID, …)
  if (a === 0x0100 && b === 0 && g[2] === 0 && g[3] === 0) return false; // 100::/64 discard
  return true;
}

function isPublicV4(ip: number): boolean {
  return ip !== 0xffffffff && !NON_PUBLIC_V4.some((r) => inRange4(ip, r));
}

/** An IP address literal (v4 or v6, brackets allowed), or null for anything else (a host name). */
export function ipLiteralKind(text: string): 'v4' | 'v6' | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (parseV4(bare) !== null) return 'v4';
  return parseV6(bare) ? 'v6' : null;
}

/** True only for an address on the public internet; anything unparseable is not. */
export function isPublicAddress(text: string): boolean {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const four = parseV4(bare);
  if (four !== null) return isPublicV4(four);
  const six = parseV6(bare);
  return six !== null && isPublicV6(six);
}
