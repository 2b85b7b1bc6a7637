import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { loadConfig } from '../../../infrastructure/config/config';
import { JOBS } from '../../../jobs';

const root = join(__dirname, '..', '..', '..');
const example = readFileSync(join(root, '.env.example'), 'utf8');
const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? ''));

/** Every name loadConfig looks up, recorded by an env that remembers what it was asked. */
function namesReadBy(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get: (target, key) => {
      if (typeof key === 'string') read.add(key);
      return target[key as string];
    },
  });
  loadConfig(recording);
  return read;
}

const WECHATPAY = {
  WECHATPAY_MCHID: '1900000001',
  WECHATPAY_APPID: 'wx0000000000000000',
  WECHATPAY_APIV3_KEY: 'k'.repeat(32),
  WECHATPAY_MERCHANT_SERIAL: 'SERIAL',
  WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: '/secrets/key.pem',
  WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: '/secrets/pub.pem',
  WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_1',
};

/** Names other entry points read straight from their env (`env.SANDBOX_X`, `env['X']`, `'SANDBOX_X'` lists). */
function namesIn(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|'((?:SANDBOX|WECHATPAY)_[A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('.env.example', () => {
  it('lists every variable the shop configuration reads (the merchant settings included)', () => {
    const read = new Set([...namesReadBy({}), ...namesReadBy(WECHATPAY)]);
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it("lists the standalone sandbox's and the reconcile's variables", () => {
    const names = new Set([...namesIn('infrastructure/payment/sandbox/standalone.ts'), ...namesIn('infrastructure/payment/reconcile-provider.ts')]);
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('lists the schedule and batch override of every job', () => {
    const name = (job: string) => `JOB_${job.toUpperCase().replace(/-/g, '_')}`;
    const missing = JOBS.flatMap((job) => [`${name(job.name)}_SCHEDULE`, `${name(job.name)}_BATCH`]).filter((v) => !listed.has(v));
    expect(missing).toEqual([]);
  });

  it('lists nothing the code does not read, and copied to .env it starts the same shop as no .env', () => {
    const read = new Set([...namesReadBy({}), ...namesReadBy(WECHATPAY)]);
    const others = new Set([...namesIn('infrastructure/payment/sandbox/standalone.ts'), ...namesIn('infrastructure/payment/reconcile-provider.ts')]);
    const stale = [...listed].filter((n) => !read.has(n) && !others.has(n) && !/^JOB_[A-Z_]+_(SCHEDULE|BATCH)$/.test(n));
    expect(stale).toEqual([]);
    expect(loadConfig(parseEnv(example))).toEqual(loadConfig({}));
  });
});
