import { KeyObject } from 'node:crypto';
import { Result, ok } from '../../../domain/shared/result';
import { parseAuthorization } from '../wechatpay/authorization-header';
import { buildRequestMessage, verifyMessage } from '../wechatpay/request-signer';
import { WireError, wireError } from './wire-error';

/** WeChat's tolerance for a merchant's clock. */
export const MAX_REQUEST_SKEW_SECONDS = 300;

export interface MerchantIdentity {
  mchId: string;
  serial: string;
  publicKey: KeyObject;
}

export interface SignedRequest {
  method: string;
  /** Path plus query exactly as received (the request target). */
  url: string;
  authorization: string | undefined;
  rawBody: Buffer;
}

const signError = (message: string): Result<never, WireError> => wireError(401, 'SIGN_ERROR', message);

/** Checks a merchant's request signature as WeChat does: known merchant and serial, fresh timestamp, valid RSA. */
export function authenticateMerchant(req: SignedRequest, merchant: MerchantIdentity, now: Date): Result<string, WireError> {
  const auth = parseAuthorization(req.authorization);
  if (!auth.ok) return signError(auth.error);
  const a = auth.value;
  if (a.mchid !== merchant.mchId) return signError(`mchid ${a.mchid} is not a merchant of this gateway`);
  if (a.serial_no !== merchant.serial) return signError(`serial_no ${a.serial_no} is not the merchant's certificate serial`);
  if (!/^\d{1,12}$/.test(a.timestamp)) return signError(`timestamp "${a.timestamp}" is not unix seconds`);
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(a.timestamp));
  if (skew > MAX_REQUEST_SKEW_SECONDS) return signError(`timestamp is ${skew}s away from the gateway clock (limit ${MAX_REQUEST_SKEW_SECONDS}s)`);
  const message = buildRequestMessage(req.method, req.url, a.timestamp, a.nonce_str, req.rawBody);
  if (!verifyMessage(message, a.signature, merchant.publicKey)) return signError('signature does not verify with the merchant public key');
  return ok(a.mchid);
}
