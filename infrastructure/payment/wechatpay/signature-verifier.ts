import { Result, err, ok } from '../../../domain/shared/result';
import { WECHATPAY_AUTH_SCHEME } from './authorization-header';
import { HeaderBag, headerValue } from './header-value';
import { PlatformKeyRing } from './platform-key-ring';
import { verifyMessage } from './request-signer';

/** WeChat rejects requests whose clock is 5 minutes off; we hold its replies and callbacks to the same window. */
export const REPLAY_WINDOW_SECONDS = 300;

export type VerificationFailureCode = 'MISSING_HEADERS' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

export interface VerificationFailure {
  code: VerificationFailureCode;
  message: string;
}

export interface WechatpaySignatureHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
  signatureType?: string;
}

export function readSignatureHeaders(headers: HeaderBag): Result<WechatpaySignatureHeaders, VerificationFailure> {
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  const serial = headerValue(headers, 'Wechatpay-Serial');
  const missing = [
    ['Wechatpay-Timestamp', timestamp],
    ['Wechatpay-Nonce', nonce],
    ['Wechatpay-Signature', signature],
    ['Wechatpay-Serial', serial],
  ]
    .filter(([, v]) => v === undefined || v === '')
    .map(([name]) => name);
  if (missing.length > 0) return err({ code: 'MISSING_HEADERS', message: `missing ${missing.join(', ')}` });
  const signatureType = headerValue(headers, 'Wechatpay-Signature-Type');
  return ok({
    timestamp: timestamp as string,
    nonce: nonce as string,
    signature: signature as string,
    serial: serial as string,
    ...(signatureType !== undefined ? { signatureType } : {}),
  });
}

/** `TIMESTAMP\nNONCE\nBODY\n` over the raw bytes: re-serialising a parsed body would change what was signed. */
export function buildResponseMessage(timestamp: string, nonce: string, rawBody: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), rawBody, Buffer.from('\n')]);
}

/**
 * Verifies a WeChat Pay reply or callback: known serial, timestamp inside the replay window, RSA-SHA256 by
 * that serial's platform key. Probe callbacks (`WECHATPAY/SIGNTEST/…`) carry signatures that do not verify
 * and fail here like any other forgery; nothing special-cases them.
 */
export function verifyWechatpaySignature(
  headers: HeaderBag,
  rawBody: Buffer,
  keys: PlatformKeyRing,
  now: Date,
): Result<WechatpaySignatureHeaders, VerificationFailure> {
  const read = readSignatureHeaders(headers);
  if (!read.ok) return read;
  const h = read.value;
  if (h.signatureType !== undefined && h.signatureType !== WECHATPAY_AUTH_SCHEME) {
    return err({ code: 'BAD_SIGNATURE', message: `unsupported Wechatpay-Signature-Type "${h.signatureType}"` });
  }
  const key = keys.get(h.serial);
  if (!key) return err({ code: 'UNKNOWN_SERIAL', message: `unknown Wechatpay-Serial "${h.serial}"` });
  if (!/^\d{1,12}$/.test(h.timestamp)) return err({ code: 'STALE_TIMESTAMP', message: `Wechatpay-Timestamp "${h.timestamp}" is not unix seconds` });
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(h.timestamp));
  if (skew >= REPLAY_WINDOW_SECONDS) {
    return err({ code: 'STALE_TIMESTAMP', message: `Wechatpay-Timestamp is ${skew}s away from now (limit ${REPLAY_WINDOW_SECONDS - 1}s)` });
  }
  if (!verifyMessage(buildResponseMessage(h.timestamp, h.nonce, rawBody), h.signature, key)) {
    return err({ code: 'BAD_SIGNATURE', message: `signature does not verify with platform key ${h.serial}` });
  }
  return ok(h);
}
