import { KeyObject } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';
import { readRsaPublicKey } from '../rsa-keys';

// Kept importable from here: the WeChat adapter and the sandbox read their keys through this module.
export { readRsaPrivateKey, readRsaPublicKey } from '../rsa-keys';

export interface PlatformKeyConfig {
  /** Legacy platform certificate serial (hex) or a "WeChat Pay public key" id (`PUB_KEY_ID_…`). */
  serial: string;
  /** PEM: a public key (SPKI or PKCS#1) or an X.509 platform certificate. */
  publicKey: string;
}

/**
 * Serial → platform public key. During a certificate → public-key migration WeChat signs with either, so
 * several keys are live at once; a serial not in the ring is never trusted.
 */
export class PlatformKeyRing {
  private constructor(private readonly keys: ReadonlyMap<string, KeyObject>) {}

  static fromConfig(configs: ReadonlyArray<PlatformKeyConfig>): Result<PlatformKeyRing, string> {
    if (configs.length === 0) return err('at least one WeChat Pay platform key is required');
    const keys = new Map<string, KeyObject>();
    for (const c of configs) {
      const serial = c.serial.trim();
      if (serial === '') return err('a platform key has an empty serial');
      if (keys.has(serial)) return err(`platform key serial ${serial} is configured twice`);
      const key = readRsaPublicKey(c.publicKey, `platform key ${serial}`);
      if (!key.ok) return key;
      keys.set(serial, key.value);
    }
    return ok(new PlatformKeyRing(keys));
  }

  get(serial: string): KeyObject | undefined {
    return this.keys.get(serial);
  }

  serials(): string[] {
    return [...this.keys.keys()];
  }
}
