import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalSecret } from '../../local-secrets';
import { SandboxCredentials } from './sandbox-credentials';
import { SandboxGateway, startSandboxGateway } from './sandbox-gateway';
import { ensureSandboxKeys } from './sandbox-keys';
import { ensureAlipaySandboxKeys } from './alipay/alipay-sandbox-keys';

/** A bad setting: reported as one line naming the variable, never a stack trace. */
export class SandboxConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORT = 8090;
const DEFAULT_DIR = join('data', 'sandbox');

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new SandboxConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

function numberSetting(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new SandboxConfigError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

function readKeyFile(env: Env, name: string): string {
  const file = env[name] as string;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SandboxConfigError(`${name}: ${file} ${code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : (e as Error).message}`);
  }
}

const KEY_VARS = ['SANDBOX_MERCHANT_PUBLIC_KEY_FILE', 'SANDBOX_MERCHANT_SERIAL', 'SANDBOX_PLATFORM_PRIVATE_KEY_FILE', 'SANDBOX_PLATFORM_SERIAL'] as const;

/** Credentials from the environment, or generated-once keys under data/sandbox when none are given. */
async function credentialsFrom(env: Env, log: (line: string) => void): Promise<SandboxCredentials> {
  const given = KEY_VARS.filter((v) => env[v]);
  let base: SandboxCredentials;
  if (given.length === 0) {
    const dir = env.SANDBOX_KEYS_DIR || DEFAULT_DIR;
    try {
      base = (await ensureSandboxKeys(dir)).gateway;
    } catch (e) {
      throw new SandboxConfigError((e as Error).message);
    }
    log(`using sandbox keys from ${dir} (merchant key for the shop: ${join(dir, 'merchant-private.pem')})`);
  } else {
    const missing = KEY_VARS.filter((v) => !env[v]);
    if (missing.length > 0) throw new SandboxConfigError(`${missing.join(', ')} must be set together with ${given.join(', ')}`);
    for (const v of ['SANDBOX_MCHID', 'SANDBOX_APPID', 'SANDBOX_APIV3_KEY'])
      if (!env[v]) throw new SandboxConfigError(`${v} is required when key files are given`);
    base = {
      mchId: env.SANDBOX_MCHID as string,
      appId: env.SANDBOX_APPID as string,
      apiV3Key: env.SANDBOX_APIV3_KEY as string,
      merchantSerial: env.SANDBOX_MERCHANT_SERIAL as string,
      merchantPublicKey: readKeyFile(env, 'SANDBOX_MERCHANT_PUBLIC_KEY_FILE'),
      platformSerial: env.SANDBOX_PLATFORM_SERIAL as string,
      platformPrivateKey: readKeyFile(env, 'SANDBOX_PLATFORM_PRIVATE_KEY_FILE'),
    };
  }
  const c: SandboxCredentials = {
    ...base,
    ...(env.SANDBOX_MCHID ? { mchId: env.SANDBOX_MCHID } : {}),
    ...(env.SANDBOX_APPID ? { appId: env.SANDBOX_APPID } : {}),
    ...(env.SANDBOX_APIV3_KEY ? { apiV3Key: env.SANDBOX_APIV3_KEY } : {}),
  };
  if (!/^\d{1,32}$/.test(c.mchId)) throw new SandboxConfigError(`SANDBOX_MCHID must be 1-32 digits, got "${c.mchId}"`);
  if (c.appId.length > 32) throw new SandboxConfigError(`SANDBOX_APPID must be at most 32 characters, got "${c.appId}"`);
  if (Buffer.byteLength(c.apiV3Key, 'utf8') !== 32)
    throw new SandboxConfigError(`SANDBOX_APIV3_KEY must be exactly 32 bytes, got ${Buffer.byteLength(c.apiV3Key, 'utf8')}`);
  return c;
}

/** SANDBOX_ADMIN_TOKEN, else one made once and kept in the keys folder's secrets.json (printed when made). */
function adminTokenFrom(env: Env, dir: string, log: (line: string) => void): string {
  const given = env.SANDBOX_ADMIN_TOKEN;
  if (given !== undefined && given !== '') {
    if (given.length < 16) throw new SandboxConfigError('SANDBOX_ADMIN_TOKEN must be at least 16 characters');
    return given;
  }
  let made: { value: string; generated: boolean };
  try {
    made = ensureLocalSecret(dir, 'sandboxAdminToken', () => randomBytes(24).toString('base64url'));
  } catch (e) {
    throw new SandboxConfigError((e as Error).message);
  }
  log(
    made.generated
      ? `admin token for /sandbox/* (made now, kept in ${join(dir, 'secrets.json')}): ${made.value}`
      : `admin token for /sandbox/* is in ${join(dir, 'secrets.json')} (sandboxAdminToken)`,
  );
  return made.value;
}

/** Runs the gateway on its own, configured by SANDBOX_* variables. */
export async function main(env: Env = process.env, log: (line: string) => void = (l) => console.log(`sandbox: ${l}`)): Promise<SandboxGateway> {
  const port = intSetting(env, 'SANDBOX_PORT', DEFAULT_PORT, 0, 65535);
  const publicUrl = env.SANDBOX_PUBLIC_URL;
  if (publicUrl && !/^https?:\/\/[^/?#\s]+[^?#\s]*$/.test(publicUrl))
    throw new SandboxConfigError(`SANDBOX_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  const timeScale = numberSetting(env, 'SANDBOX_TIME_SCALE', 1);
  const refundDelayMs = intSetting(env, 'SANDBOX_REFUND_DELAY_MS', 1000, 0, 86_400_000);
  const credentials = await credentialsFrom(env, log);
  const dir = env.SANDBOX_KEYS_DIR || DEFAULT_DIR;
  const adminToken = adminTokenFrom(env, dir, log);
  // Alipay's side always has its own keys, made once next to the others (shop.env hands them to the shops).
  const alipay = await ensureAlipaySandboxKeys(dir).catch((e: unknown) => {
    throw new SandboxConfigError((e as Error).message);
  });
  try {
    return await startSandboxGateway({
      credentials,
      alipay: { credentials: alipay.gateway, stateFile: join(dir, 'alipay-state.json') },
      port,
      host: env.SANDBOX_HOST || '127.0.0.1',
      ...(publicUrl ? { publicBaseUrl: publicUrl } : {}),
      timeScale,
      refundDelayMs,
      stateFile: env.SANDBOX_STATE_FILE || join(dir, 'state.jsonl'),
      ...(env.SANDBOX_STATE_FILE ? {} : { legacyStateFile: join(dir, 'state.json') }),
      adminToken,
      log,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SandboxConfigError(`SANDBOX_PORT ${port} is already in use`);
    if (code === 'EACCES') throw new SandboxConfigError(`SANDBOX_PORT ${port} needs privileges this process does not have`);
    throw new SandboxConfigError((e as Error).message);
  }
}

if (require.main === module) {
  main().then(
    (gateway) => {
      const stop = () => void gateway.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(`sandbox: ${e instanceof SandboxConfigError ? e.message : ((e as Error).stack ?? String(e))}`);
      process.exit(1);
    },
  );
}
