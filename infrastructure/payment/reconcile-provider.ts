import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { PaymentProvider } from '../../domain/payment';
import { Config } from '../config/config';
import { AlipayProvider } from './alipay/alipay-provider';
import { SANDBOX_PROVIDER_NAMES, notifyUrls, realProviders } from './payment-setup';
import { ensureAlipaySandboxKeys } from './sandbox/alipay/alipay-sandbox-keys';
import { ALIPAY_GATEWAY_PATH } from './sandbox/alipay/alipay-gateway-routes';
import { ensureSandboxKeys } from './sandbox/sandbox-keys';
import { WechatPayProvider } from './wechatpay/wechatpay-provider';

/**
 * The providers reconcile asks: the real merchants when configured; otherwise the embedded shop's sandbox (both
 * wallets), when SANDBOX_URL says where it runs (its keys are under data/sandbox). Empty when none can be asked.
 */
export async function providersForReconcile(config: Config): Promise<PaymentProvider[]> {
  const urls = notifyUrls(config, 'http://127.0.0.1');
  const real = realProviders(config, urls);
  if (real.wechatpay || real.alipay) return [real.wechatpay, real.alipay].filter((p): p is WechatPayProvider | AlipayProvider => p !== undefined);
  const sandboxUrl = process.env.SANDBOX_URL?.replace(/\/+$/, '');
  const dir = join(config.dataDir, 'sandbox');
  if (!sandboxUrl || !existsSync(dir)) return [];
  const [keys, alipayKeys] = await Promise.all([ensureSandboxKeys(dir), ensureAlipaySandboxKeys(dir)]);
  return [
    new WechatPayProvider(keys.wechatPayConfig(sandboxUrl, urls.wechatpay), { name: SANDBOX_PROVIDER_NAMES.wechatpay }),
    new AlipayProvider(alipayKeys.alipayConfig(`${sandboxUrl}${ALIPAY_GATEWAY_PATH}`, urls.alipay), { name: SANDBOX_PROVIDER_NAMES.alipay }),
  ];
}
