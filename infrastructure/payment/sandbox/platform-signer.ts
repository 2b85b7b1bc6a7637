import { KeyObject } from 'node:crypto';
import { WECHATPAY_AUTH_SCHEME } from '../wechatpay/authorization-header';
import { generateNonce, signMessageAsync, unixSeconds } from '../wechatpay/request-signer';
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

  /** Signed in the thread pool (signMessageAsync): in-process, the gateway's signatures share the shop's main thread. */
  async headers(body: Buffer, now: Date, options: SignOptions = {}): Promise<Record<string, string>> {
    const timestamp = unixSeconds(now);
    const nonce = generateNonce();
    const signed = options.forgeSignature ? Buffer.concat([body, Buffer.from(' ')]) : body;
    // Key and serial are taken before the await: a rotation meanwhile must not pair this key with the next serial.
    const key = this.key;
    const serial = options.serial ?? this.currentSerial;
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': await signMessageAsync(buildResponseMessage(timestamp, nonce, signed), key),
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature-Type': WECHATPAY_AUTH_SCHEME,
      'Request-ID': newRequestId(),
    };
  }
}
