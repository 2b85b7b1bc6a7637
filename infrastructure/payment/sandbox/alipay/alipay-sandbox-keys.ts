import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlipayConfig } from '../../alipay/alipay-config';
import { readRsaPrivateKey, readRsaPublicKey } from '../../rsa-keys';
import { createOnce, randomDigits, rsaPemPair, writeIfMissing } from '../key-files';

export const ALIPAY_SANDBOX_KEYS_FILE = 'alipay-keys.json';

/** What the Alipay stand-in needs: the app it serves, the app's public key (requests) and its own private key. */
export interface AlipaySandboxCredentials {
  appId: string;
  appPublicKey: string;
  alipayPrivateKey: string;
}

export interface AlipaySandboxKeys {
  gateway: AlipaySandboxCredentials;
  /** PEM copies for tools configured by file (ALIPAY_PRIVATE_KEY_FILE / ALIPAY_PUBLIC_KEY_FILE against the sandbox). */
  files: { appPrivateKey: string; alipayPublicKey: string };
  /** The shop's client config for this stand-in. */
  alipayConfig(gateway: string, notifyUrl: string): AlipayConfig;
}

interface StoredKeys {
  appId: string;
  appPrivateKey: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
}

const FIELDS: ReadonlyArray<keyof StoredKeys> = ['appId', 'appPrivateKey', 'appPublicKey', 'alipayPrivateKey', 'alipayPublicKey'];

function readStored(file: string): StoredKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Alipay sandbox key file ${file} is unreadable or not JSON (${(e as Error).message}); delete it to generate new keys`);
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const out: Partial<StoredKeys> = {};
  for (const f of FIELDS) {
    const v = record[f];
    if (typeof v !== 'string' || v === '') throw new Error(`Alipay sandbox key file ${file} lacks "${f}"; delete it to generate new keys`);
    out[f] = v;
  }
  const keys = out as StoredKeys;
  for (const [pem, what, read] of [
    [keys.appPrivateKey, 'appPrivateKey', readRsaPrivateKey],
    [keys.alipayPrivateKey, 'alipayPrivateKey', readRsaPrivateKey],
    [keys.appPublicKey, 'appPublicKey', readRsaPublicKey],
    [keys.alipayPublicKey, 'alipayPublicKey', readRsaPublicKey],
  ] as const) {
    const checked = read(pem, what);
    if (!checked.ok) throw new Error(`Alipay sandbox key file ${file}: ${checked.error}; delete it to generate new keys`);
  }
  return keys;
}

/**
 * The Alipay stand-in's own keys, generated under `dir` once (an app key pair the shop signs with, an "Alipay" key
 * pair the stand-in signs with) and reused afterwards, apart from the WeChat sandbox's keys.
 */
export async function ensureAlipaySandboxKeys(dir: string): Promise<AlipaySandboxKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, ALIPAY_SANDBOX_KEYS_FILE);
  if (!existsSync(file)) {
    const [app, alipay] = await Promise.all([rsaPemPair(), rsaPemPair()]);
    const fresh: StoredKeys = {
      appId: `2021${randomDigits(12)}`,
      appPrivateKey: app.privateKey,
      appPublicKey: app.publicKey,
      alipayPrivateKey: alipay.privateKey,
      alipayPublicKey: alipay.publicKey,
    };
    createOnce(file, JSON.stringify(fresh, null, 2));
  }
  const keys = readStored(file);
  const files = { appPrivateKey: join(dir, 'alipay-app-private.pem'), alipayPublicKey: join(dir, 'alipay-public.pem') };
  writeIfMissing(files.appPrivateKey, keys.appPrivateKey);
  writeIfMissing(files.alipayPublicKey, keys.alipayPublicKey);
  return {
    gateway: { appId: keys.appId, appPublicKey: keys.appPublicKey, alipayPrivateKey: keys.alipayPrivateKey },
    files,
    alipayConfig: (gateway, notifyUrl) => ({
      appId: keys.appId,
      privateKey: keys.appPrivateKey,
      alipayPublicKey: keys.alipayPublicKey,
      gateway,
      notifyUrl,
    }),
  };
}
