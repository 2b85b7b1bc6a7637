import { minor } from '../../../domain/shared/money';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { ensureSandboxKeys } from '../../../infrastructure/payment/sandbox/sandbox-keys';
import { loadWechatPayConfigFromFiles } from '../../../infrastructure/payment/wechatpay/load-wechatpay-config';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { rsaPair, SANDBOX_TOKEN } from './payment-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillbot-sandbox-keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureSandboxKeys', () => {
  it('generates once and reuses, even when two callers race on a fresh directory', async () => {
    const fresh = join(dir, 'race');
    const [a, b] = await Promise.all([ensureSandboxKeys(fresh), ensureSandboxKeys(fresh)]);
    const c = await ensureSandboxKeys(fresh);
    expect(a.gateway).toEqual(b.gateway);
    expect(c.gateway).toEqual(a.gateway);
    expect(c.merchantPrivateKey).toBe(a.merchantPrivateKey);
    expect(a.gateway.apiV3Key).toHaveLength(32);
    expect(a.gateway.platformSerial).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(a.gateway.merchantSerial).toMatch(/^[0-9A-F]{40}$/);
    expect(statSync(a.files.merchantPrivateKey).mode & 0o777).toBe(0o600);
    expect(statSync(join(fresh, 'sandbox-keys.json')).mode & 0o777).toBe(0o600);
  });

  it('gives the shop a client config that talks to a gateway started with the matching credentials', async () => {
    const keys = await ensureSandboxKeys(join(dir, 'embedded'));
    const gateway = await startSandboxGateway({ credentials: keys.gateway, adminToken: SANDBOX_TOKEN });
    try {
      const provider = new WechatPayProvider(keys.wechatPayConfig(gateway.url, 'http://127.0.0.1:9/notify'));
      const created = await provider.createQrPayment({
        outTradeNo: 'EMBED000001',
        description: 'x',
        amount: minor(1),
        currency: 'CNY',
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect(created.ok).toBe(true);
    } finally {
      await gateway.close();
    }
  });

  it('refuses a damaged key file instead of silently replacing it', async () => {
    const broken = join(dir, 'broken');
    await ensureSandboxKeys(broken);
    writeFileSync(join(broken, 'sandbox-keys.json'), '{"mchId":"1"}');
    await expect(ensureSandboxKeys(broken)).rejects.toThrow(/lacks "appId"/);
  });
});

describe('loadWechatPayConfigFromFiles', () => {
  const base = async () => {
    const keys = await ensureSandboxKeys(join(dir, 'files'));
    return {
      keys,
      files: {
        mchId: keys.gateway.mchId,
        appId: keys.gateway.appId,
        apiV3Key: keys.gateway.apiV3Key,
        merchantSerial: keys.gateway.merchantSerial,
        merchantPrivateKeyFile: keys.files.merchantPrivateKey,
        platformPublicKeyFiles: keys.files.platformPublicKey,
        platformSerials: keys.gateway.platformSerial,
        notifyUrl: 'https://shop.example/notify',
      },
    };
  };

  it('reads the PEM files, several platform keys as comma lists', async () => {
    const { keys, files } = await base();
    const legacyFile = join(dir, 'legacy-platform.pem');
    writeFileSync(legacyFile, rsaPair().publicKey);
    const loaded = loadWechatPayConfigFromFiles({
      ...files,
      platformPublicKeyFiles: `${files.platformPublicKeyFiles}, ${legacyFile}`,
      platformSerials: `${files.platformSerials},7132D72A03E93CDDF8C03BBD1F37EEDF`,
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.baseUrl).toBe('https://api.mch.weixin.qq.com');
    expect(loaded.value.merchantPrivateKey).toBe(keys.merchantPrivateKey);
    expect(loaded.value.platformKeys.map((k) => k.serial)).toEqual([keys.gateway.platformSerial, '7132D72A03E93CDDF8C03BBD1F37EEDF']);
  });

  it('names the file that is missing, unreadable or not a key', async () => {
    const { files } = await base();
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    const cases: Array<[Partial<typeof files>, RegExp]> = [
      [{ merchantPrivateKeyFile: join(dir, 'nope.pem') }, /merchant private key file .*nope\.pem does not exist/],
      [{ merchantPrivateKeyFile: dir }, new RegExp(`merchant private key file ${dir}`)],
      [{ merchantPrivateKeyFile: garbage }, /merchant private key is not a PEM private key.*garbage\.pem/],
      [{ platformPublicKeyFiles: garbage }, /platform key .* is not a valid public key.*garbage\.pem/],
      [{ platformPublicKeyFiles: files.merchantPrivateKeyFile }, /is a PRIVATE key/],
      [{ platformSerials: 'A,B' }, /1 platform key file\(s\) but 2 platform serial\(s\)/],
      [{ apiV3Key: 'short' }, /apiV3Key must be exactly 32 bytes/],
    ];
    for (const [change, message] of cases) {
      const loaded = loadWechatPayConfigFromFiles({ ...files, ...change });
      expect(loaded.ok ? 'loaded' : loaded.error.message).toMatch(message);
      expect(!loaded.ok && loaded.error.code).toBe('INVALID_WECHATPAY_CONFIG');
    }
  });
});
