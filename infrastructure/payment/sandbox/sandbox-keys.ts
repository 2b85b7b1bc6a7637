import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, stringField } from '../wechatpay/json-shape';
import { readRsaPrivateKey, readRsaPublicKey } from '../wechatpay/platform-key-ring';
import { WechatPayConfig } from '../wechatpay/wechatpay-config';
import { createOnce, randomDigits, rsaPemPair, writeIfMissing } from './key-files';
import { SandboxCredentials } from './sandbox-credentials';

export const SANDBOX_KEYS_FILE = 'sandbox-keys.json';

export interface SandboxKeyFiles {
  merchantPrivateKey: string;
  merchantPublicKey: string;
  platformPrivateKey: string;
  platformPublicKey: string;
}

export interface SandboxKeys {
  /** For `startSandboxGateway({ credentials })`. */
  gateway: SandboxCredentials;
  merchantPrivateKey: string;
  platformPublicKey: string;
  /** PEM copies for tools configured by file (the standalone gateway, `loadWechatPayConfigFromFiles`). */
  files: SandboxKeyFiles;
  /** The shop's client config for this sandbox: same merchant, same APIv3 key, the gateway's platform key. */
  wechatPayConfig(baseUrl: string, notifyUrl: string): WechatPayConfig;
}

interface StoredKeys {
  mchId: string;
  appId: string;
  apiV3Key: string;
  merchantSerial: string;
  platformSerial: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  platformPrivateKey: string;
  platformPublicKey: string;
}

const FIELDS: ReadonlyArray<keyof StoredKeys> = [
  'mchId',
  'appId',
  'apiV3Key',
  'merchantSerial',
  'platformSerial',
  'merchantPrivateKey',
  'merchantPublicKey',
  'platformPrivateKey',
  'platformPublicKey',
];

const alnum = (n: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
};

async function generate(): Promise<StoredKeys> {
  const [merchant, platform] = await Promise.all([rsaPemPair(), rsaPemPair()]);
  return {
    mchId: `19${randomDigits(8)}`,
    appId: `wx${randomBytes(8).toString('hex')}`,
    apiV3Key: alnum(32),
    // A merchant API certificate serial is 40 hex digits; the platform uses the newer public-key id form.
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    platformSerial: `PUB_KEY_ID_01${randomDigits(30)}`,
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
  };
}

function readStored(file: string): StoredKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`sandbox key file ${file} is unreadable or not JSON (${(e as Error).message}); delete it to generate new keys`);
  }
  if (!isObject(parsed)) throw new Error(`sandbox key file ${file} is not a JSON object; delete it to generate new keys`);
  const out: Partial<StoredKeys> = {};
  for (const f of FIELDS) {
    const v = stringField(parsed, f);
    if (!v) throw new Error(`sandbox key file ${file} lacks "${f}"; delete it to generate new keys`);
    out[f] = v;
  }
  const keys = out as StoredKeys;
  for (const [pem, what, read] of [
    [keys.merchantPrivateKey, 'merchantPrivateKey', readRsaPrivateKey],
    [keys.platformPrivateKey, 'platformPrivateKey', readRsaPrivateKey],
    [keys.merchantPublicKey, 'merchantPublicKey', readRsaPublicKey],
    [keys.platformPublicKey, 'platformPublicKey', readRsaPublicKey],
  ] as const) {
    const checked = read(pem, what);
    if (!checked.ok) throw new Error(`sandbox key file ${file}: ${checked.error}; delete it to generate new keys`);
  }
  if (Buffer.byteLength(keys.apiV3Key) !== 32) throw new Error(`sandbox key file ${file}: apiV3Key is not 32 bytes`);
  return keys;
}

/**
 * Generates a merchant and a platform RSA-2048 key pair, serials and an APIv3 key under `dir` the first time,
 * and reuses them afterwards, so the embedded shop and its in-process gateway agree across restarts.
 */
export async function ensureSandboxKeys(dir: string): Promise<SandboxKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, SANDBOX_KEYS_FILE);
  if (!existsSync(file)) {
    createOnce(file, JSON.stringify(await generate(), null, 2));
  }
  const keys = readStored(file);
  const files: SandboxKeyFiles = {
    merchantPrivateKey: join(dir, 'merchant-private.pem'),
    merchantPublicKey: join(dir, 'merchant-public.pem'),
    platformPrivateKey: join(dir, 'platform-private.pem'),
    platformPublicKey: join(dir, 'platform-public.pem'),
  };
  writeIfMissing(files.merchantPrivateKey, keys.merchantPrivateKey);
  writeIfMissing(files.merchantPublicKey, keys.merchantPublicKey);
  writeIfMissing(files.platformPrivateKey, keys.platformPrivateKey);
  writeIfMissing(files.platformPublicKey, keys.platformPublicKey);

  return {
    gateway: {
      mchId: keys.mchId,
      appId: keys.appId,
      apiV3Key: keys.apiV3Key,
      merchantSerial: keys.merchantSerial,
      merchantPublicKey: keys.merchantPublicKey,
      platformSerial: keys.platformSerial,
      platformPrivateKey: keys.platformPrivateKey,
    },
    merchantPrivateKey: keys.merchantPrivateKey,
    platformPublicKey: keys.platformPublicKey,
    files,
    wechatPayConfig: (baseUrl, notifyUrl) => ({
      baseUrl,
      mchId: keys.mchId,
      appId: keys.appId,
      apiV3Key: keys.apiV3Key,
      merchantSerial: keys.merchantSerial,
      merchantPrivateKey: keys.merchantPrivateKey,
      platformKeys: [{ serial: keys.platformSerial, publicKey: keys.platformPublicKey }],
      notifyUrl,
    }),
  };
}
