import { PlatformKeyRing } from '../../../infrastructure/payment/wechatpay/platform-key-ring';
import { verifyWechatpaySignature } from '../../../infrastructure/payment/wechatpay/signature-verifier';
import { makeTestKeys, platformHeaders, rsaPair } from './payment-fixtures';

const keys = makeTestKeys();
const legacy = rsaPair();
const LEGACY_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const ring = (() => {
  const r = PlatformKeyRing.fromConfig([
    { serial: keys.platformSerial, publicKey: keys.platformPublicKey },
    { serial: LEGACY_SERIAL, publicKey: legacy.publicKey },
  ]);
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();
const body = Buffer.from('{"code_url":"weixin://wxpay/bizpayurl?pr=abc"}');
const now = () => new Date();
const codeOf = (r: ReturnType<typeof verifyWechatpaySignature>) => (r.ok ? 'OK' : r.error.code);

describe('verifyWechatpaySignature', () => {
  it('accepts a reply signed by either live platform key, chosen by serial', () => {
    expect(codeOf(verifyWechatpaySignature(platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial }), body, ring, now()))).toBe('OK');
    expect(codeOf(verifyWechatpaySignature(platformHeaders(legacy.privateKey, body, { serial: LEGACY_SERIAL }), body, ring, now()))).toBe('OK');
  });

  it('verifies an empty 204 body (message ends \\n\\n)', () => {
    const empty = Buffer.alloc(0);
    expect(codeOf(verifyWechatpaySignature(platformHeaders(keys.platformPrivateKey, empty, { serial: keys.platformSerial }), empty, ring, now()))).toBe('OK');
  });

  it("rejects a signature made with the other serial's key", () => {
    const headers = platformHeaders(legacy.privateKey, body, { serial: keys.platformSerial });
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, now()))).toBe('BAD_SIGNATURE');
  });

  it('rejects an unknown serial', () => {
    const headers = platformHeaders(keys.platformPrivateKey, body, { serial: 'PUB_KEY_ID_0000000000000000000000000001' });
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, now()))).toBe('UNKNOWN_SERIAL');
  });

  it.each([
    ['300 s old', -300],
    ['an hour old', -3600],
    ['300 s in the future', 300],
  ])('rejects a timestamp %s', (_n, offset) => {
    // One fixed instant for signing and checking: a wall clock read twice can cross a second boundary on a busy machine.
    const at = new Date(1_800_000_000_000);
    const headers = platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial, timestamp: 1_800_000_000 + offset });
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, at))).toBe('STALE_TIMESTAMP');
  });

  it('accepts 299 s of skew', () => {
    const at = new Date(1_800_000_000_000);
    const headers = platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial, timestamp: 1_800_000_000 - 299 });
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, at))).toBe('OK');
  });

  it('rejects a tampered body, even by one byte or a trailing blank', () => {
    const headers = platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial });
    const flipped = Buffer.from(body);
    flipped[3] = flipped.readUInt8(3) ^ 1;
    expect(codeOf(verifyWechatpaySignature(headers, flipped, ring, now()))).toBe('BAD_SIGNATURE');
    expect(codeOf(verifyWechatpaySignature(headers, Buffer.concat([body, Buffer.from(' ')]), ring, now()))).toBe('BAD_SIGNATURE');
  });

  it("rejects WeChat's WECHATPAY/SIGNTEST/ probe signatures", () => {
    const headers = platformHeaders(keys.platformPrivateKey, body, {
      serial: keys.platformSerial,
      signature: 'WECHATPAY/SIGNTEST/KZtnzxxOzEnqCHxM0XmvhD9hUk6LsKsL4XpzbMNH',
    });
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, now()))).toBe('BAD_SIGNATURE');
  });

  it('rejects missing headers and a foreign signature type', () => {
    const headers = platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial });
    const { ['wechatpay-nonce']: _dropped, ...noNonce } = headers;
    expect(codeOf(verifyWechatpaySignature(noNonce, body, ring, now()))).toBe('MISSING_HEADERS');
    expect(codeOf(verifyWechatpaySignature({ ...headers, 'wechatpay-signature-type': 'WECHATPAY2-SM2-WITH-SM3' }, body, ring, now()))).toBe('BAD_SIGNATURE');
  });

  it('reads header names case-insensitively', () => {
    const headers = Object.fromEntries(
      Object.entries(platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial })).map(([k, v]) => [k.toUpperCase(), v]),
    );
    expect(codeOf(verifyWechatpaySignature(headers, body, ring, now()))).toBe('OK');
  });
});

describe('PlatformKeyRing', () => {
  it('refuses a private key, a duplicate serial and an empty list', () => {
    expect(PlatformKeyRing.fromConfig([{ serial: 'A', publicKey: keys.platformPrivateKey }]).ok).toBe(false);
    expect(
      PlatformKeyRing.fromConfig([
        { serial: 'A', publicKey: keys.platformPublicKey },
        { serial: 'A', publicKey: legacy.publicKey },
      ]).ok,
    ).toBe(false);
    expect(PlatformKeyRing.fromConfig([]).ok).toBe(false);
  });
});
