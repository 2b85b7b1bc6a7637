import { minor } from '../../../domain/shared/money';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSandboxKeys } from '../../../infrastructure/payment/sandbox/sandbox-keys';
import { SandboxConfigError, main } from '../../../infrastructure/payment/sandbox/standalone';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';

let dir: string;
const quiet = () => undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillbot-sandbox-main-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('standalone sandbox main()', () => {
  it.each([
    [{ SANDBOX_PORT: 'abc' }, /^SANDBOX_PORT must be an integer from 0 to 65535, got "abc"$/],
    [{ SANDBOX_PORT: '70000' }, /SANDBOX_PORT/],
    [{ SANDBOX_PUBLIC_URL: 'ftp://x' }, /SANDBOX_PUBLIC_URL must be an http\(s\) URL/],
    [
      { SANDBOX_MERCHANT_PUBLIC_KEY_FILE: '/tmp/x.pem' },
      /SANDBOX_MERCHANT_SERIAL, SANDBOX_PLATFORM_PRIVATE_KEY_FILE, SANDBOX_PLATFORM_SERIAL must be set together/,
    ],
    [{ SANDBOX_APIV3_KEY: 'too-short' }, /SANDBOX_APIV3_KEY must be exactly 32 bytes/],
  ])('fails with one clear line for %o', async (env, message) => {
    const run = main({ SANDBOX_KEYS_DIR: join(dir, 'bad'), SANDBOX_PORT: '0', ...env }, quiet);
    await expect(run).rejects.toBeInstanceOf(SandboxConfigError);
    await expect(run).rejects.toThrow(message);
  });

  it('guards its admin routes with a token: SANDBOX_ADMIN_TOKEN, or one made once, printed then, kept in the keys folder', async () => {
    await expect(main({ SANDBOX_PORT: '0', SANDBOX_KEYS_DIR: join(dir, 'short'), SANDBOX_ADMIN_TOKEN: 'short' }, quiet)).rejects.toThrow(
      /^SANDBOX_ADMIN_TOKEN must be at least 16 characters$/,
    );
    const keysDir = join(dir, 'token');
    const lines: string[] = [];
    const first = await main({ SANDBOX_PORT: '0', SANDBOX_KEYS_DIR: keysDir }, (l) => lines.push(l));
    const made = /admin token for \/sandbox\/\* \(made now, kept in .*secrets\.json\): (\S+)$/m.exec(lines.join('\n'));
    expect(lines).toContain('PAYMENTS ARE SIMULATED — sandbox, no real money');
    try {
      expect(made).not.toBeNull();
      const token = made?.[1] ?? '';
      expect((await fetch(`${first.url}/sandbox/knobs`)).status).toBe(401);
      expect((await fetch(`${first.url}/sandbox/knobs`, { headers: { 'x-sandbox-token': token } })).status).toBe(200);
      await first.close();
      const later: string[] = [];
      const second = await main({ SANDBOX_PORT: '0', SANDBOX_KEYS_DIR: keysDir }, (l) => later.push(l));
      try {
        expect(later.join('\n')).not.toContain(token);
        expect(later.join('\n')).toMatch(/admin token for \/sandbox\/\* is in .*secrets\.json \(sandboxAdminToken\)/);
        expect((await fetch(`${second.url}/sandbox/knobs`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await first.close().catch(() => undefined);
    }
  });

  it('names an unreadable key file', async () => {
    const env = {
      SANDBOX_PORT: '0',
      SANDBOX_MCHID: '1900000109',
      SANDBOX_APPID: 'wx1',
      SANDBOX_APIV3_KEY: 'Abcdefghijklmnopqrstuvwxyz012345',
      SANDBOX_MERCHANT_PUBLIC_KEY_FILE: join(dir, 'missing.pem'),
      SANDBOX_MERCHANT_SERIAL: 'AB',
      SANDBOX_PLATFORM_PRIVATE_KEY_FILE: join(dir, 'missing2.pem'),
      SANDBOX_PLATFORM_SERIAL: 'PUB_KEY_ID_1',
    };
    await expect(main(env, quiet)).rejects.toThrow(/^SANDBOX_MERCHANT_PUBLIC_KEY_FILE: .*missing\.pem does not exist$/);
  });

  it('starts with generated keys when none are configured, and with key files when they are', async () => {
    const keysDir = join(dir, 'generated');
    const generated = await main({ SANDBOX_PORT: '0', SANDBOX_KEYS_DIR: keysDir }, quiet);
    try {
      const keys = await ensureSandboxKeys(keysDir);
      const created = await new WechatPayProvider(keys.wechatPayConfig(generated.url, 'http://127.0.0.1:9/n')).createQrPayment({
        outTradeNo: 'MAIN00000001',
        description: 'x',
        amount: minor(1),
        currency: 'CNY',
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect(created.ok).toBe(true);
    } finally {
      await generated.close();
    }

    const keys = await ensureSandboxKeys(keysDir);
    const fromFiles = await main(
      {
        SANDBOX_PORT: '0',
        SANDBOX_KEYS_DIR: join(dir, 'files-state'),
        SANDBOX_MCHID: keys.gateway.mchId,
        SANDBOX_APPID: keys.gateway.appId,
        SANDBOX_APIV3_KEY: keys.gateway.apiV3Key,
        SANDBOX_MERCHANT_PUBLIC_KEY_FILE: keys.files.merchantPublicKey,
        SANDBOX_MERCHANT_SERIAL: keys.gateway.merchantSerial,
        SANDBOX_PLATFORM_PRIVATE_KEY_FILE: keys.files.platformPrivateKey,
        SANDBOX_PLATFORM_SERIAL: keys.gateway.platformSerial,
        SANDBOX_PUBLIC_URL: 'https://pay.example.test/sandbox/',
      },
      quiet,
    );
    try {
      const created = await new WechatPayProvider(keys.wechatPayConfig(fromFiles.url, 'http://127.0.0.1:9/n')).createQrPayment({
        outTradeNo: 'MAIN00000002',
        description: 'x',
        amount: minor(1),
        currency: 'CNY',
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect(created.ok && created.value.codeUrl).toMatch(/^https:\/\/pay\.example\.test\/sandbox\/pay\/[0-9a-f]+$/);
    } finally {
      await fromFiles.close();
    }
  });
});
