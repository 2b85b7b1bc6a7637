import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { PaymentProvider } from '../../domain/payment';
import { Config } from '../config/config';
import { ConfigError } from '../config/env-parsers';
import { loadWechatPayConfigFromFiles } from './wechatpay/load-wechatpay-config';
import { WechatPayProvider } from './wechatpay/wechatpay-provider';
import { ensureSandboxKeys } from './sandbox/sandbox-keys';

/**
 * The provider reconcile asks: the real merchant when configured; otherwise the embedded shop's sandbox, when
 * SANDBOX_URL says where it runs (its keys are under data/sandbox). null when neither can be asked.
 */
export async function providerForReconcile(config: Config): Promise<PaymentProvider | null> {
  const notifyUrl = `${config.publicUrl ?? 'http://127.0.0.1'}/v1/payments/wechatpay/notify`;
  if (config.wechatpay) {
    const w = config.wechatpay;
    const loaded = loadWechatPayConfigFromFiles({ ...w, notifyUrl });
    if (!loaded.ok) throw new ConfigError('WECHATPAY_*', loaded.error.message);
    return new WechatPayProvider(loaded.value);
  }
  const sandboxUrl = process.env.SANDBOX_URL;
  const dir = join(config.dataDir, 'sandbox');
  if (!sandboxUrl || !existsSync(dir)) return null;
  const keys = await ensureSandboxKeys(dir);
  return new WechatPayProvider(keys.wechatPayConfig(sandboxUrl.replace(/\/+$/, ''), notifyUrl), { name: 'sandbox' });
}
