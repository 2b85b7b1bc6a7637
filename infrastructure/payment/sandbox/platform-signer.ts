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

/** Signs what the gateway sends (API replies and notifications) the way WeChat Pay does, with its current key. */
export class PlatformSigner {
  constructor(
    private key: KeyObject,
    private currentSerial: string,
  ) {}

  get serial(): string {
    return this.currentSerial;
  }

  /** Everything signed from now on is signed with this key (a platform key rotation). */
  rotate(key: KeyObject, serial: string): void {
    this.key = key;
    this.currentSerial = serial;
  }

  headers(body: Buffer, now: Date, options: SignOptions = {}): Record<string, string> {
    const timestamp = unixSeconds(now);
    const nonce = generateNonce();
    const signed = options.forgeSignature ? Buffer.concat([body, Buffer.from(' ')]) : body;
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signMessage(buildResponseMessage(timestamp, nonce, signed), this.key),
      'Wechatpay-Serial': options.serial ?? this.currentSerial,
      'Wechatpay-Signature-Type': WECHATPAY_AUTH_SCHEME,
      'Request-ID': newRequestId(),
    };
  }
}
