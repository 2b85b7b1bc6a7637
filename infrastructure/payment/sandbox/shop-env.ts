import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSandboxKeys } from './sandbox-keys';
import { ALIPAY_GATEWAY_PATH } from './alipay/alipay-gateway-routes';
import { ensureAlipaySandboxKeys } from './alipay/alipay-sandbox-keys';

/** The file a shop in another container sources to speak to this sandbox as its WeChat Pay merchant. */
export const SHOP_ENV_FILE = 'shop.env';

/**
 * Writes `shop.env` next to the sandbox's keys (made once): the WECHATPAY_* and ALIPAY_* settings of the merchant
 * and the app the gateway plays, for shops that run in other processes or containers (compose's `demo` profile). The in-process sandbox of
 * `npm start` needs none of this.
 */
export async function writeShopEnv(dir: string, gatewayUrl: string, notifyBaseUrl?: string): Promise<string> {
  const [keys, alipay] = await Promise.all([ensureSandboxKeys(dir), ensureAlipaySandboxKeys(dir)]);
  const lines = [
    '# Written by the sandbox gateway (infrastructure/payment/sandbox/shop-env.ts): the merchant it plays.',
    `WECHATPAY_BASE_URL=${gatewayUrl}`,
    `WECHATPAY_MCHID=${keys.gateway.mchId}`,
    `WECHATPAY_APPID=${keys.gateway.appId}`,
    `WECHATPAY_APIV3_KEY=${keys.gateway.apiV3Key}`,
    `WECHATPAY_MERCHANT_SERIAL=${keys.gateway.merchantSerial}`,
    `WECHATPAY_MERCHANT_PRIVATE_KEY_FILE=${keys.files.merchantPrivateKey}`,
    `WECHATPAY_PLATFORM_PUBLIC_KEY_FILE=${keys.files.platformPublicKey}`,
    `WECHATPAY_PLATFORM_SERIAL=${keys.gateway.platformSerial}`,
    `ALIPAY_APP_ID=${alipay.gateway.appId}`,
    `ALIPAY_PRIVATE_KEY_FILE=${alipay.files.appPrivateKey}`,
    `ALIPAY_PUBLIC_KEY_FILE=${alipay.files.alipayPublicKey}`,
    `ALIPAY_GATEWAY=${gatewayUrl}${ALIPAY_GATEWAY_PATH}`,
    ...(notifyBaseUrl ? [`PAYMENT_NOTIFY_BASE_URL=${notifyBaseUrl}`] : []),
  ];
  const file = join(dir, SHOP_ENV_FILE);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

if (require.main === module) {
  const [dir, gatewayUrl, notifyBaseUrl] = process.argv.slice(2);
  if (!dir || !gatewayUrl) {
    console.error('usage: node shop-env.js <keys dir> <gateway URL as the shops reach it> [<shop URL for payment notifications>]');
    process.exit(2);
  }
  writeShopEnv(dir, gatewayUrl, notifyBaseUrl).then(
    (file) => console.log(`sandbox: merchant settings for the shops written to ${file}`),
    (e: unknown) => {
      console.error(`sandbox: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
