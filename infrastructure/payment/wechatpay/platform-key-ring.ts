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

/** A platform key learned at run time (downloaded from `/v3/certificates`): trusted until its certificate expires. */
export interface LearnedPlatformKey {
  serial: string;
  key: KeyObject;
  notAfter: Date;
}

/**
 * Serial → platform public key. During a certificate → public-key migration, and during a certificate rotation,
 * WeChat signs with either of two keys, so several are live at once; a serial not in the ring is never trusted.
 * The configured keys stay for the process's life; learned ones are added by the certificate refresher (every
 * client sharing the ring sees them at once) and stop counting when their certificate expires.
 */
export class PlatformKeyRing {
  private readonly learned = new Map<string, LearnedPlatformKey>();

  private constructor(
    private readonly keys: ReadonlyMap<string, KeyObject>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static fromConfig(configs: ReadonlyArray<PlatformKeyConfig>, now?: () => Date): Result<PlatformKeyRing, string> {
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
    return ok(new PlatformKeyRing(keys, now));
  }

  get(serial: string): KeyObject | undefined {
    const configured = this.keys.get(serial);
    if (configured) return configured;
    const learned = this.learned.get(serial);
    return learned && learned.notAfter.getTime() > this.now().getTime() ? learned.key : undefined;
  }

  /** Adds keys (or a later expiry for a key already known); returns the serials that were new. */
  learn(keys: ReadonlyArray<LearnedPlatformKey>): string[] {
    const added: string[] = [];
    for (const k of keys) {
      if (this.keys.has(k.serial)) continue;
      const known = this.learned.get(k.serial);
      if (!known) added.push(k.serial);
      if (!known || known.notAfter < k.notAfter) this.learned.set(k.serial, k);
    }
    for (const [serial, k] of this.learned) if (k.notAfter.getTime() <= this.now().getTime()) this.learned.delete(serial);
    return added;
  }

  /** This ring plus keys that are trusted for one check only (a certificate list verified by its own certificates). */
  including(keys: ReadonlyArray<LearnedPlatformKey>): PlatformKeyRing {
    const ring = new PlatformKeyRing(this.keys, this.now);
    ring.learn([...this.learned.values(), ...keys]);
    return ring;
  }

  serials(): string[] {
    return [...this.keys.keys(), ...[...this.learned.keys()].filter((s) => this.get(s) !== undefined)];
  }
}
