import { KeyObject, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';

export interface PlatformKeyConfig {
  /** Legacy platform certificate serial (hex) or a "WeChat Pay public key" id (`PUB_KEY_ID_…`). */
  serial: string;
  /** PEM: a public key (SPKI or PKCS#1) or an X.509 platform certificate. */
  publicKey: string;
}

/** Reads an RSA public key from PEM text; a certificate yields its key. */
export function readRsaPublicKey(pem: string, what: string): Result<KeyObject, string> {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) return err(`${what} is a PRIVATE key; a public key or certificate is expected`);
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(pem)) return err(`${what} is not PEM text (no "-----BEGIN …-----" line)`);
  try {
    const key = /-----BEGIN CERTIFICATE-----/.test(pem) ? new X509Certificate(pem).publicKey : createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return err(`${what} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; WeChat Pay v3 uses RSA`);
    return ok(key);
  } catch (e) {
    return err(`${what} is not a valid public key: ${(e as Error).message}`);
  }
}

export function readRsaPrivateKey(pem: string, what: string): Result<KeyObject, string> {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) return err(`${what} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")`);
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return err(`${what} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; WeChat Pay v3 uses RSA`);
    return ok(key);
  } catch (e) {
    return err(`${what} is not a valid private key: ${(e as Error).message}`);
  }
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
