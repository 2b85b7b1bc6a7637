// The payment settings: ALIPAY_* all together and checked at start, PAYMENT_METHODS and PAYMENT_METHOD_EXCEPTIONS.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../infrastructure/config/config';
import { notifyUrls, realProviders } from '../../../infrastructure/payment/payment-setup';

describe('payment settings', () => {
  let dir: string;
  let files: { privatePem: string; publicPem: string; privateBare: string; publicBare: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillbot-alipay-settings-'));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    files = { privatePem: join(dir, 'app.pem'), publicPem: join(dir, 'alipay.pem'), privateBare: join(dir, 'app.txt'), publicBare: join(dir, 'alipay.txt') };
    writeFileSync(files.privatePem, privatePem);
    writeFileSync(files.publicPem, publicPem);
    // Alipay's key tool writes bare base64 (PKCS#1 for the app's private key here).
    writeFileSync(files.privateBare, bare(privatePem));
    writeFileSync(files.publicBare, bare(publicPem));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const alipayEnv = (over: Record<string, string> = {}) => ({
    ALIPAY_APP_ID: '2021000122671080',
    ALIPAY_PRIVATE_KEY_FILE: files.privatePem,
    ALIPAY_PUBLIC_KEY_FILE: files.publicPem,
    ALIPAY_GATEWAY: 'https://openapi.alipay.com/gateway.do',
    ...over,
  });

  it('takes ALIPAY_* together only, and a real app id', () => {
    expect(loadConfig({}).alipay).toBeUndefined();
    expect(loadConfig(alipayEnv()).alipay).toEqual({
      appId: '2021000122671080',
      privateKeyFile: files.privatePem,
      alipayPublicKeyFile: files.publicPem,
      gateway: 'https://openapi.alipay.com/gateway.do',
    });
    expect(() => loadConfig({ ALIPAY_APP_ID: '2021000122671080' })).toThrow(/ALIPAY_PRIVATE_KEY_FILE: is required when ALIPAY_APP_ID is set/);
    expect(() => loadConfig(alipayEnv({ ALIPAY_GATEWAY: '' }))).toThrow(/ALIPAY_GATEWAY: is required/);
    expect(() => loadConfig(alipayEnv({ ALIPAY_APP_ID: 'app-1' }))).toThrow(/ALIPAY_APP_ID: must be the Alipay app id/);
    expect(() => loadConfig(alipayEnv({ ALIPAY_GATEWAY: 'ftp://x' }))).toThrow(/ALIPAY_GATEWAY/);
  });

  it('reads and checks the key files at start (PEM or bare base64), naming the one that is wrong', () => {
    const urls = notifyUrls(loadConfig({}), 'http://127.0.0.1:3000');
    expect(urls.alipay).toBe('http://127.0.0.1:3000/v1/payments/alipay/notify');
    expect(realProviders(loadConfig(alipayEnv()), urls).alipay?.name).toBe('alipay');
    const bare = loadConfig(alipayEnv({ ALIPAY_PRIVATE_KEY_FILE: files.privateBare, ALIPAY_PUBLIC_KEY_FILE: files.publicBare }));
    expect(realProviders(bare, urls).alipay?.client.config.privateKey).toContain('-----BEGIN PRIVATE KEY-----');
    expect(() => realProviders(loadConfig(alipayEnv({ ALIPAY_PRIVATE_KEY_FILE: join(dir, 'nope.pem') })), urls)).toThrow(/nope\.pem does not exist/);
    // The keys swapped: a public key where the private one belongs.
    expect(() => realProviders(loadConfig(alipayEnv({ ALIPAY_PRIVATE_KEY_FILE: files.publicPem })), urls)).toThrow(/ALIPAY_\*.*alipay\.pem/);
    expect(() => realProviders(loadConfig(alipayEnv({ ALIPAY_PUBLIC_KEY_FILE: files.privatePem })), urls)).toThrow(/PRIVATE key/);
  });

  it('PAYMENT_METHODS: which methods, in which order', () => {
    expect(loadConfig({}).paymentMethods).toEqual(['wechatpay', 'alipay', 'stars', 'credit']);
    expect(loadConfig({ PAYMENT_METHODS: 'stars,credit' }).paymentMethods).toEqual(['stars', 'credit']);
    expect(loadConfig({ PAYMENT_METHODS: 'alipay, credit' }).paymentMethods).toEqual(['alipay', 'credit']);
    expect(() => loadConfig({ PAYMENT_METHODS: 'alipay,paypal' })).toThrow(/PAYMENT_METHODS: unknown method "paypal"/);
  });

  it('PAYMENT_METHOD_EXCEPTIONS: products sold only by some methods', () => {
    expect(loadConfig({}).paymentExceptions).toEqual({});
    expect(loadConfig({ PAYMENT_METHOD_EXCEPTIONS: 'GIFT-100:alipay|wechatpay, VIP:credit' }).paymentExceptions).toEqual({
      'GIFT-100': ['alipay', 'wechatpay'],
      VIP: ['credit'],
    });
    expect(() => loadConfig({ PAYMENT_METHOD_EXCEPTIONS: 'GIFT-100' })).toThrow(/PAYMENT_METHOD_EXCEPTIONS/);
    expect(() => loadConfig({ PAYMENT_METHOD_EXCEPTIONS: 'GIFT:paypal' })).toThrow(/PAYMENT_METHOD_EXCEPTIONS/);
    expect(() => loadConfig({ PAYMENT_METHOD_EXCEPTIONS: 'A:credit,A:alipay' })).toThrow(/listed twice/);
  });
});
