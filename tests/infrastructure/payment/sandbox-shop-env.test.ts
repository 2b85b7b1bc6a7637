import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { loadConfig } from '../../../infrastructure/config/config';
import { writeShopEnv } from '../../../infrastructure/payment/sandbox/shop-env';

describe("the sandbox's shop.env (compose's demo profile)", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tillbot-shop-env-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the merchant the gateway plays, as settings the shop accepts', async () => {
    const file = await writeShopEnv(dir, 'http://sandbox:8090', 'http://shop:3000');
    const env = parseEnv(readFileSync(file, 'utf8'));
    const config = loadConfig({ ...env, DATA_DIR: dir });
    expect(config.wechatpay).toMatchObject({ baseUrl: 'http://sandbox:8090', merchantPrivateKeyFile: join(dir, 'merchant-private.pem') });
    expect(config.paymentNotifyBaseUrl).toBe('http://shop:3000');
    // And the Alipay app it plays: both wallets in the demo, through the real adapters; the key files check at start.
    expect(config.alipay).toMatchObject({ gateway: 'http://sandbox:8090/alipay/gateway.do', privateKeyFile: join(dir, 'alipay-app-private.pem') });
    const { notifyUrls, realProviders } = await import('../../../infrastructure/payment/payment-setup');
    expect(Object.keys(realProviders(config, notifyUrls(config, 'http://shop:3000'))).sort()).toEqual(['alipay', 'wechatpay']);
    // Written again at every sandbox start, from the same keys: a restart does not change the merchant.
    const again = parseEnv(readFileSync(await writeShopEnv(dir, 'http://sandbox:8090', 'http://shop:3000'), 'utf8'));
    expect(again).toEqual(env);
  });
});
