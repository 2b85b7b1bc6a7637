import { generateKeyPair, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AlipayConfig } from '../../alipay/alipay-config';
import { readRsaPrivateKey, readRsaPublicKey } from '../../rsa-keys';

const generateRsa = promisify(generateKeyPair);

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
const digits = (n: number): string => [...randomBytes(n)].map((b) => String(b % 10)).join('');

const rsaPair = () =>
  generateRsa('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

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

function writeIfMissing(path: string, text: string): void {
  if (existsSync(path)) return;
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * The Alipay stand-in's own keys, generated under `dir` once (an app key pair the shop signs with, an "Alipay" key
 * pair the stand-in signs with) and reused afterwards, apart from the WeChat sandbox's keys.
 */
export async function ensureAlipaySandboxKeys(dir: string): Promise<AlipaySandboxKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, ALIPAY_SANDBOX_KEYS_FILE);
  if (!existsSync(file)) {
    const [app, alipay] = await Promise.all([rsaPair(), rsaPair()]);
    const fresh: StoredKeys = {
      appId: `2021${digits(12)}`,
      appPrivateKey: app.privateKey,
      appPublicKey: app.publicKey,
      alipayPrivateKey: alipay.privateKey,
      alipayPublicKey: alipay.publicKey,
    };
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, JSON.stringify(fresh, null, 2), { mode: 0o600 });
    try {
      // link() refuses to replace: two processes racing end up with one set of keys, both using it.
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
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
