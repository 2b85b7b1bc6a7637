import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PaymentProviders, ProviderMethod } from '../../domain/payment';
import { Config } from '../config/config';
import { ConfigError } from '../config/env-parsers';
import { NotificationVerifier } from './notification-verifier';
import { Logger } from '../logging/logger';
import { ensureLocalSecret } from '../local-secrets';
import { SIMULATED_PAYMENTS_BANNER, SandboxGateway, startSandboxGateway } from './sandbox/sandbox-gateway';
import { ensureSandboxKeys } from './sandbox/sandbox-keys';
import { loadWechatPayConfigFromFiles } from './wechatpay/load-wechatpay-config';
import { WechatPayClient } from './wechatpay/wechatpay-client';
import { WechatPayProvider } from './wechatpay/wechatpay-provider';

export const NOTIFY_PATH = '/v1/payments/wechatpay/notify';

export interface Payments {
  /** The provider of each payment method; empty when neither a merchant nor the sandbox is configured (QR payments off). */
  providers: PaymentProviders;
  /** Who verifies each provider method's notifications (the same adapter as its provider). */
  verifiers: Readonly<Partial<Record<ProviderMethod, NotificationVerifier>>>;
  sandbox: SandboxGateway | null;
  /** The WeChat Pay client (real or aimed at the sandbox) whose platform keys the shop keeps up to date. */
  wechatpayClient: WechatPayClient | null;
  close(): Promise<void>;
}

/**
 * The real WeChat Pay merchant when WECHATPAY_* is set; otherwise the sandbox gateway, started in this process and
 * spoken to through the SAME client over HTTP, so the embedded shop runs the production code path.
 */
export async function setUpPayments(config: Config, logger: Logger, shopBaseUrl: string): Promise<Payments> {
  const notifyUrl = `${config.paymentNotifyBaseUrl ?? config.publicUrl ?? shopBaseUrl}${NOTIFY_PATH}`;
  if (config.wechatpay) {
    const w = config.wechatpay;
    const loaded = loadWechatPayConfigFromFiles({
      baseUrl: w.baseUrl,
      mchId: w.mchId,
      appId: w.appId,
      apiV3Key: w.apiV3Key,
      merchantSerial: w.merchantSerial,
      merchantPrivateKeyFile: w.merchantPrivateKeyFile,
      platformPublicKeyFiles: w.platformPublicKeyFiles,
      platformSerials: w.platformSerials,
      notifyUrl,
    });
    if (!loaded.ok) throw new ConfigError('WECHATPAY_*', loaded.error.message);
    const wechatpay = new WechatPayProvider(loaded.value);
    return { providers: { wechatpay }, verifiers: { wechatpay }, sandbox: null, wechatpayClient: wechatpay.client, close: async () => undefined };
  }
  if (!config.roles.includes('sandbox')) {
    logger.warn('QR payments are off: set WECHATPAY_* for the real merchant, or run the sandbox role');
    return { providers: {}, verifiers: {}, sandbox: null, wechatpayClient: null, close: async () => undefined };
  }
  const dir = join(config.dataDir, 'sandbox');
  const keys = await ensureSandboxKeys(dir);
  // Its admin routes pay any trade and drop notifications: never open to whoever reaches the port.
  const adminToken = config.sandbox.adminToken ?? ensureLocalSecret(config.dataDir, 'sandboxAdminToken', () => randomBytes(24).toString('base64url')).value;
  const sandboxLog = logger.child({ part: 'sandbox' });
  let gateway: SandboxGateway;
  try {
    gateway = await startSandboxGateway({
      credentials: keys.gateway,
      port: config.sandbox.port,
      host: config.sandbox.host,
      ...(config.sandbox.publicUrl ? { publicBaseUrl: config.sandbox.publicUrl } : {}),
      timeScale: config.sandbox.timeScale,
      stateFile: join(dir, 'state.jsonl'),
      legacyStateFile: join(dir, 'state.json'),
      adminToken,
      // The banner line is a warning: a shop that meant to take real money must not miss it.
      log: (line) => (line === SIMULATED_PAYMENTS_BANNER ? sandboxLog.warn(`${line}: WECHATPAY_* is not set`) : sandboxLog.info(line)),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError('SANDBOX_PORT', `${config.sandbox.port} is already in use`);
    throw e;
  }
  const wechatpay = new WechatPayProvider(keys.wechatPayConfig(gateway.url, notifyUrl), { name: 'sandbox' });
  return { providers: { wechatpay }, verifiers: { wechatpay }, sandbox: gateway, wechatpayClient: wechatpay.client, close: () => gateway.close() };
}
