import { KeyObject } from 'node:crypto';
import { WECHATPAY_AUTH_SCHEME } from '../wechatpay/authorization-header';
import { generateNonce, signMessage, unixSeconds } from '../wechatpay/request-signer';
import { buildResponseMessage } from '../wechatpay/signature-verifier';
import { newRequestId } from './sandbox-ids';

export interface SignOptions {
  /** Sign under a serial the merchant does not know (a forged or rotated-out key). */
  serial?: string;
  /** Produce a signature over other bytes, so it fails verification while looking well-formed. */
  forgeSignature?: boolean;
}

/** Signs what the gateway sends (API replies and notifications) the way WeChat Pay does. */
export class PlatformSigner {
  constructor(
    private readonly key: KeyObject,
    readonly serial: string,
  ) {}

  headers(body: Buffer, now: Date, options: SignOptions = {}): Record<string, string> {
    const timestamp = unixSeconds(now);
    const nonce = generateNonce();
    const signed = options.forgeSignature ? Buffer.concat([body, Buffer.from(' ')]) : body;
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signMessage(buildResponseMessage(timestamp, nonce, signed), this.key),
      'Wechatpay-Serial': options.serial ?? this.serial,
      'Wechatpay-Signature-Type': WECHATPAY_AUTH_SCHEME,
      'Request-ID': newRequestId(),
    };
  }
}
