import { Result, err, ok } from '../../../domain/shared/result';

/** The only signature scheme API v3 defines (RSA-2048 keys, SHA-256). */
export const WECHATPAY_AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export interface AuthorizationParams {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

const REQUIRED: ReadonlyArray<keyof AuthorizationParams> = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'];

/** Formats the `Authorization` header value a merchant sends with every request. */
export function formatAuthorization(p: AuthorizationParams): string {
  return (
    `${WECHATPAY_AUTH_SCHEME} mchid="${p.mchid}",nonce_str="${p.nonce_str}",` +
    `signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serial_no}"`
  );
}

// key="value" pairs separated by commas; optional blanks around every token. Sticky so every byte is accounted for.
const PARAM = /[ \t]*([A-Za-z_]+)[ \t]*=[ \t]*"([^"]*)"[ \t]*(,|$)/y;

/**
 * Parses the header on the server side. Parameters may come in ANY order (the protocol does not fix one), but
 * each must appear exactly once, quoted and non-empty; anything the grammar does not explain is a failure.
 */
export function parseAuthorization(header: string | undefined): Result<AuthorizationParams, string> {
  if (header === undefined || header.trim() === '') return err('missing Authorization header');
  const trimmed = header.trim();
  const space = trimmed.search(/[ \t]/);
  if (space < 0) return err('Authorization header has no parameters');
  const scheme = trimmed.slice(0, space);
  // Auth schemes are case-insensitive (RFC 9110 §11.1); the parameter names are not.
  if (scheme.toUpperCase() !== WECHATPAY_AUTH_SCHEME) return err(`unsupported Authorization scheme "${scheme}"`);
  const rest = trimmed.slice(space);

  const found = new Map<string, string>();
  PARAM.lastIndex = 0;
  while (PARAM.lastIndex < rest.length) {
    const start = PARAM.lastIndex;
    const m = PARAM.exec(rest);
    if (!m || m.index !== start) return err(`malformed Authorization parameters near "${rest.slice(start, start + 20)}"`);
    // PARAM's three groups are all mandatory, so a match holds each of them.
    const [name, value, separator] = [m[1]!, m[2]!, m[3]!];
    if (found.has(name)) return err(`Authorization parameter "${name}" appears twice`);
    found.set(name, value);
    if (separator === '') break;
    if (PARAM.lastIndex >= rest.length) return err('Authorization header ends with a comma');
  }

  for (const name of REQUIRED) {
    const value = found.get(name);
    if (value === undefined || value === '') return err(`Authorization parameter "${name}" is missing or empty`);
  }
  return ok({
    mchid: found.get('mchid') as string,
    nonce_str: found.get('nonce_str') as string,
    signature: found.get('signature') as string,
    timestamp: found.get('timestamp') as string,
    serial_no: found.get('serial_no') as string,
  });
}
