import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PaymentProviders, ProviderMethod } from '../../domain/payment';
import { Config } from '../config/config';
import { ConfigError } from '../config/env-parsers';
import { NotificationVerifier } from './notification-verifier';
import { Logger } from '../logging/logger';
import { ensureLocalSecret } from '../local-secrets';
import { loadAlipayConfigFromFiles } from './alipay/alipay-config';
import { AlipayProvider } from './alipay/alipay-provider';
import { ensureAlipaySandboxKeys } from './sandbox/alipay/alipay-sandbox-keys';
import { SIMULATED_PAYMENTS_BANNER, SandboxGateway, startSandboxGateway } from './sandbox/sandbox-gateway';
import { ensureSandboxKeys } from './sandbox/sandbox-keys';
import { botApiCaller } from './stars/bot-api-caller';
import { StarsProvider } from './stars/stars-provider';
import { loadWechatPayConfigFromFiles } from './wechatpay/load-wechatpay-config';
import { WechatPayClient } from './wechatpay/wechatpay-client';
import { WechatPayProvider } from './wechatpay/wechatpay-provider';

export const NOTIFY_PATH = '/v1/payments/wechatpay/notify';
export const ALIPAY_NOTIFY_PATH = '/v1/payments/alipay/notify';

/** The provider names the sandbox's clients record payments under (the real ones are `wechatpay` and `alipay`). */
export const SANDBOX_PROVIDER_NAMES = { wechatpay: 'sandbox', alipay: 'sandbox-alipay' } as const;

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

/** The QR methods: their providers post notifications to us (Stars payments arrive as the bot's updates instead). */
type NotifyingMethod = Exclude<ProviderMethod, 'stars'>;

/** Where each provider posts its notifications. */
export function notifyUrls(config: Config, shopBaseUrl: string): Record<NotifyingMethod, string> {
  const base = config.paymentNotifyBaseUrl ?? config.publicUrl ?? shopBaseUrl;
  return { wechatpay: `${base}${NOTIFY_PATH}`, alipay: `${base}${ALIPAY_NOTIFY_PATH}` };
}

/** The real providers configured (WECHATPAY_*, ALIPAY_*), their key files read and checked now, at start. */
export function realProviders(config: Config, urls: Record<NotifyingMethod, string>): { wechatpay?: WechatPayProvider; alipay?: AlipayProvider } {
  const found: { wechatpay?: WechatPayProvider; alipay?: AlipayProvider } = {};
  if (config.wechatpay) {
    const loaded = loadWechatPayConfigFromFiles({ ...config.wechatpay, notifyUrl: urls.wechatpay });
    if (!loaded.ok) throw new ConfigError('WECHATPAY_*', loaded.error.message);
    found.wechatpay = new WechatPayProvider(loaded.value);
  }
  if (config.alipay) {
    const loaded = loadAlipayConfigFromFiles({ ...config.alipay, notifyUrl: urls.alipay });
    if (!loaded.ok) throw new ConfigError('ALIPAY_*', loaded.error.message);
    found.alipay = new AlipayProvider(loaded.value);
  }
  return found;
}

/**
 * The real merchants when WECHATPAY_* and/or ALIPAY_* are set (only those: a real shop never offers a pretend
 * wallet); otherwise the sandbox gateway, started in this process and playing both, spoken to through the SAME
 * clients over HTTP, so the embedded shop runs the production code paths.
 */
export async function setUpPayments(config: Config, logger: Logger, shopBaseUrl: string): Promise<Payments> {
  const urls = notifyUrls(config, shopBaseUrl);
  const real = realProviders(config, urls);
  // Stars need nothing but the bot: the same token and Bot API server (the local stand-in when offline).
  const stars = config.telegramBotToken ? { stars: new StarsProvider(botApiCaller(config.telegramBotToken, config.telegramApiRoot)) } : {};
  if (real.wechatpay || real.alipay)
    return { providers: { ...real, ...stars }, verifiers: real, sandbox: null, wechatpayClient: real.wechatpay?.client ?? null, close: async () => undefined };
  if (!config.roles.includes('sandbox')) {
    logger.warn('QR payments are off: set WECHATPAY_* or ALIPAY_* for a real merchant, or run the sandbox role');
    return { providers: stars, verifiers: {}, sandbox: null, wechatpayClient: null, close: async () => undefined };
  }
  const dir = join(config.dataDir, 'sandbox');
  const [keys, alipayKeys] = await Promise.all([ensureSandboxKeys(dir), ensureAlipaySandboxKeys(dir)]);
  // Its admin routes pay any trade and drop notifications: never open to whoever reaches the port.
  const adminToken = config.sandbox.adminToken ?? ensureLocalSecret(config.dataDir, 'sandboxAdminToken', () => randomBytes(24).toString('base64url')).value;
  const sandboxLog = logger.child({ part: 'sandbox' });
  let gateway: SandboxGateway;
  try {
    gateway = await startSandboxGateway({
      credentials: keys.gateway,
      alipay: { credentials: alipayKeys.gateway, stateFile: join(dir, 'alipay-state.json') },
      port: config.sandbox.port,
      host: config.sandbox.host,
      ...(config.sandbox.publicUrl ? { publicBaseUrl: config.sandbox.publicUrl } : {}),
      timeScale: config.sandbox.timeScale,
      stateFile: join(dir, 'state.jsonl'),
      legacyStateFile: join(dir, 'state.json'),
      adminToken,
      // The banner line is a warning: a shop that meant to take real money must not miss it.
      log: (line) => (line === SIMULATED_PAYMENTS_BANNER ? sandboxLog.warn(`${line}: neither WECHATPAY_* nor ALIPAY_* is set`) : sandboxLog.info(line)),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError('SANDBOX_PORT', `${config.sandbox.port} is already in use`);
    throw e;
  }
  const wechatpay = new WechatPayProvider(keys.wechatPayConfig(gateway.url, urls.wechatpay), { name: SANDBOX_PROVIDER_NAMES.wechatpay });
  const alipay = new AlipayProvider(alipayKeys.alipayConfig(`${gateway.url}/alipay/gateway.do`, urls.alipay), { name: SANDBOX_PROVIDER_NAMES.alipay });
  return {
    providers: { wechatpay, alipay, ...stars },
    verifiers: { wechatpay, alipay },
    sandbox: gateway,
    wechatpayClient: wechatpay.client,
    close: () => gateway.close(),
  };
}
