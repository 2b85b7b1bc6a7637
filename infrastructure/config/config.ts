import type { ReferralTerms } from '../../domain/referrals';
import { minor } from '../../domain/shared/money';
import { WebhookUrlRules } from '../../domain/catalog';
import { PAYMENT_METHODS, PaymentExceptions, PaymentMethod } from '../../domain/ordering';
import { DEFAULT_PAYMENT_CHOICE } from '../../domain/payment';
import { DEFAULT_LIMITS, MAX_AMOUNT, ShopLimits } from '../../domain/shared/limits';
import { AlipayConfigFiles } from '../payment/alipay/alipay-config';
import { WechatPayConfigFiles } from '../payment/wechatpay/load-wechatpay-config';
import { parseClusterNodes, type RedisClusterTarget } from '../redis/redis-target';
import { ConfigError, Env, integer, list, oneOf, optional, url } from './env-parsers';

export const ROLES = ['api', 'bot', 'jobs', 'sandbox'] as const;
export type Role = (typeof ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The real WeChat Pay merchant (its key files); when absent the shop pays through its sandbox gateway. */
export type WechatPaySettings = Omit<WechatPayConfigFiles, 'notifyUrl' | 'refundNotifyUrl' | 'timeoutMs' | 'maxRetries'>;

/** The real Alipay app (face-to-face payment): its id, key files and gateway; when absent the sandbox stands in. */
export type AlipaySettings = Omit<AlipayConfigFiles, 'notifyUrl'>;

export interface SandboxSettings {
  port: number;
  host: string;
  /** Where a phone reaches the pay pages (the QR's code_url); defaults to the listening address. */
  publicUrl: string | undefined;
  timeScale: number;
  /** Guards the in-process sandbox's /sandbox admin routes; unset = generated once into data/secrets.json. */
  adminToken: string | undefined;
}

/** The HTTP API's rate limits (api/rate-limits.ts): calls allowed per window; 0 turns that limit off. */
export interface RateLimitSettings {
  windowMs: number;
  perIp: number;
  perShopper: number;
  /** POST /v1/orders per shopper: placing reserves stock, so it is the hoarder's tool. */
  ordersPerShopper: number;
  /** POST /v1/orders/:orderNo/check per shopper, and per order whoever asks: each one may query the provider. */
  checksPerShopper: number;
  checksPerOrder: number;
}

export interface Config {
  roles: Role[];
  /** True when TILLBOT_ROLES was not given: start every role that can run with what is configured. */
  rolesDefaulted: boolean;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  /** MySQL connections per instance. */
  databasePoolSize: number;
  /** Longest a product read is served from memory (0: no cache); product writes empty it at once on every instance. */
  catalogCacheTtlMs: number;
  sqlitePath: string;
  dataDir: string;
  redisUrl: string | undefined;
  /** REDIS_CLUSTER_NODES: a Redis Cluster instead of one Redis (never both). */
  redisCluster: RedisClusterTarget | undefined;
  /** Prepended to every Redis key: shops (or test runs) sharing one Redis, or one Redis Cluster with its single database, stay apart. */
  redisKeyPrefix: string;
  adminApiKey: string | undefined;
  /** Signs fulfilment webhooks; every instance of one shop must share it (unset: generated into the data folder). */
  webhookSigningSecret: string | undefined;
  /** REFERRAL_*: what an invite pays both shoppers, after how long, up to which caps. */
  referrals: ReferralTerms;
  /** SMTP_URL (+ MAIL_FROM): shoppers' and sellers' notices are mailed too, to those who gave an address. */
  mail: MailSettings | undefined;
  /** Where webhook products may point: private targets only with WEBHOOK_ALLOW_PRIVATE=true, https only in production. */
  webhookUrls: WebhookUrlRules;
  telegramBotToken: string | undefined;
  telegramWebhookSecret: string | undefined;
  telegramApiRoot: string | undefined;
  adminTelegramIds: string[];
  /** SUPPORT_CHAT_ID (a forum supergroup: one topic per ticket; unset: each admin privately) and the reminder delay. */
  support: { chatId: string | undefined; remindAfterMs: number };
  publicUrl: string | undefined;
  /** Where the payment provider sends notifications when that is not PUBLIC_URL (an internal address, the demo's sandbox). */
  paymentNotifyBaseUrl: string | undefined;
  /** The proxies whose X-Forwarded-* the API believes (addresses or CIDRs); empty: none, the socket's peer is the client. */
  trustProxy: string[];
  logLevel: LogLevel;
  limits: ShopLimits;
  initDataMaxAgeSeconds: number;
  botSessionTtlMs: number;
  /** Minutes east of UTC for "today" in the bot's /stats (Beijing: 480). */
  shopUtcOffsetMinutes: number;
  bodyLimitBytes: number;
  /** `auto`: fill an empty embedded (SQLite) shop; `always`: an empty one on MySQL too; `never`. */
  seedDemoCatalog: 'auto' | 'always' | 'never';
  /** The HTTP API's rate limits (api/rate-limits.ts); 0 turns one off. */
  rateLimits: RateLimitSettings;
  wechatpay: WechatPaySettings | undefined;
  alipay: AlipaySettings | undefined;
  /** PAYMENT_METHODS: the methods this shop offers, in the order the chat shows them (a QR one also needs its provider). */
  paymentMethods: PaymentMethod[];
  /** PAYMENT_METHOD_EXCEPTIONS: products (by SKU) sold only by some methods, e.g. `GIFT-100:alipay|wechatpay`. */
  paymentExceptions: PaymentExceptions;
  sandbox: SandboxSettings;
  /** JOB_<NAME>_SCHEDULE / JOB_<NAME>_BATCH overrides, keyed by job name (e.g. `repair-dropped-payments`). */
  jobOverrides: Record<string, { schedule?: string; batch?: number; variable: string }>;
}

function jobOverrides(env: Env): Config['jobOverrides'] {
  const found: Config['jobOverrides'] = {};
  for (const [key, raw] of Object.entries(env)) {
    const m = /^JOB_([A-Z0-9_]+)_(SCHEDULE|BATCH)$/.exec(key);
    if (!m || raw === undefined || raw.trim() === '') continue;
    const name = m[1]!.toLowerCase().replace(/_/g, '-');
    const entry = (found[name] ??= { variable: key });
    if (m[2] === 'SCHEDULE') entry.schedule = raw.trim();
    else entry.batch = integer(env, key, 0, 1, 10_000);
  }
  return found;
}

const WECHATPAY_REQUIRED = [
  'WECHATPAY_MCHID',
  'WECHATPAY_APPID',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_MERCHANT_PRIVATE_KEY_FILE',
  'WECHATPAY_PLATFORM_PUBLIC_KEY_FILE',
  'WECHATPAY_PLATFORM_SERIAL',
] as const;

function wechatpay(env: Env): WechatPaySettings | undefined {
  const given = WECHATPAY_REQUIRED.filter((name) => optional(env, name) !== undefined);
  if (given.length === 0) return undefined;
  const missing = WECHATPAY_REQUIRED.find((name) => optional(env, name) === undefined);
  if (missing) throw new ConfigError(missing, `is required when ${given[0]} is set (all WECHATPAY_* settings go together)`);
  const value = (name: (typeof WECHATPAY_REQUIRED)[number]) => optional(env, name) as string;
  if (!/^\d{1,32}$/.test(value('WECHATPAY_MCHID'))) throw new ConfigError('WECHATPAY_MCHID', 'must be the merchant id (digits)');
  if (Buffer.byteLength(value('WECHATPAY_APIV3_KEY'), 'utf8') !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY', 'must be exactly 32 bytes');
  return {
    mchId: value('WECHATPAY_MCHID'),
    appId: value('WECHATPAY_APPID'),
    apiV3Key: value('WECHATPAY_APIV3_KEY'),
    merchantSerial: value('WECHATPAY_MERCHANT_SERIAL'),
    merchantPrivateKeyFile: value('WECHATPAY_MERCHANT_PRIVATE_KEY_FILE'),
    platformPublicKeyFiles: value('WECHATPAY_PLATFORM_PUBLIC_KEY_FILE'),
    platformSerials: value('WECHATPAY_PLATFORM_SERIAL'),
    baseUrl: url(env, 'WECHATPAY_BASE_URL', ['https', 'http']),
  };
}

const ALIPAY_REQUIRED = ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY_FILE', 'ALIPAY_PUBLIC_KEY_FILE', 'ALIPAY_GATEWAY'] as const;

function alipay(env: Env): AlipaySettings | undefined {
  const given = ALIPAY_REQUIRED.filter((name) => optional(env, name) !== undefined);
  if (given.length === 0) return undefined;
  const missing = ALIPAY_REQUIRED.find((name) => optional(env, name) === undefined);
  if (missing) throw new ConfigError(missing, `is required when ${given[0]} is set (all ALIPAY_* settings go together)`);
  const appId = optional(env, 'ALIPAY_APP_ID') as string;
  if (!/^\d{1,32}$/.test(appId)) throw new ConfigError('ALIPAY_APP_ID', 'must be the Alipay app id (digits, e.g. 2021000122671080)');
  return {
    appId,
    privateKeyFile: optional(env, 'ALIPAY_PRIVATE_KEY_FILE') as string,
    alipayPublicKeyFile: optional(env, 'ALIPAY_PUBLIC_KEY_FILE') as string,
    gateway: url(env, 'ALIPAY_GATEWAY', ['https', 'http']) as string,
  };
}

function paymentMethods(env: Env): PaymentMethod[] {
  const asked = list(env, 'PAYMENT_METHODS');
  if (asked.length === 0) return [...DEFAULT_PAYMENT_CHOICE];
  for (const m of asked) {
    if (!(PAYMENT_METHODS as readonly string[]).includes(m))
      throw new ConfigError('PAYMENT_METHODS', `unknown method "${m}"; use a comma list of ${PAYMENT_METHODS.join(', ')}`);
  }
  return [...new Set(asked)] as PaymentMethod[];
}

/** `SKU:method|method,SKU2:method`: each listed product is sold only by its methods. */
function paymentExceptions(env: Env): PaymentExceptions {
  const found: Record<string, PaymentMethod[]> = {};
  for (const entry of list(env, 'PAYMENT_METHOD_EXCEPTIONS')) {
    const cut = entry.lastIndexOf(':');
    const sku = entry.slice(0, cut).trim();
    const methods = entry
      .slice(cut + 1)
      .split('|')
      .map((m) => m.trim());
    if (cut <= 0 || methods.some((m) => !(PAYMENT_METHODS as readonly string[]).includes(m)))
      throw new ConfigError('PAYMENT_METHOD_EXCEPTIONS', `"${entry}" is not SKU:method|method with methods among ${PAYMENT_METHODS.join(', ')}`);
    if (Object.hasOwn(found, sku)) throw new ConfigError('PAYMENT_METHOD_EXCEPTIONS', `SKU ${sku} is listed twice`);
    found[sku] = [...new Set(methods)] as PaymentMethod[];
  }
  return found;
}

function sandbox(env: Env, shopPort: number): SandboxSettings {
  const raw = optional(env, 'SANDBOX_TIME_SCALE');
  const timeScale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new ConfigError('SANDBOX_TIME_SCALE', `must be a positive number, got "${raw}"`);
  return {
    port: integer(env, 'SANDBOX_PORT', shopPort === 0 ? 0 : Math.min(shopPort + 1, 65535), 0, 65535),
    host: optional(env, 'SANDBOX_HOST') ?? '127.0.0.1',
    publicUrl: url(env, 'SANDBOX_PUBLIC_URL', ['http', 'https']),
    timeScale,
    adminToken: secret(env, 'SANDBOX_ADMIN_TOKEN', 16),
  };
}

function roles(env: Env): { roles: Role[]; defaulted: boolean } {
  const asked = list(env, 'TILLBOT_ROLES');
  if (asked.length === 0) return { roles: [...ROLES], defaulted: true };
  for (const role of asked) {
    if (!(ROLES as readonly string[]).includes(role)) throw new ConfigError('TILLBOT_ROLES', `unknown role "${role}"; use a comma list of ${ROLES.join(', ')}`);
  }
  return { roles: [...new Set(asked)] as Role[], defaulted: false };
}

function secret(env: Env, name: string, minLength: number, pattern = /^[\x21-\x7e]+$/): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  if (value.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
  if (!pattern.test(value)) throw new ConfigError(name, 'has characters that are not allowed');
  return value;
}

function redisCluster(env: Env): RedisClusterTarget | undefined {
  const entries = list(env, 'REDIS_CLUSTER_NODES');
  if (entries.length === 0) return undefined;
  if (optional(env, 'REDIS_URL') !== undefined) throw new ConfigError('REDIS_CLUSTER_NODES', 'set it or REDIS_URL, not both (one Redis, or one cluster)');
  try {
    return parseClusterNodes(entries);
  } catch (e) {
    throw new ConfigError('REDIS_CLUSTER_NODES', (e as Error).message);
  }
}

function redisKeyPrefix(env: Env): string {
  const value = optional(env, 'REDIS_KEY_PREFIX') ?? 'tillbot:';
  if (!/^[A-Za-z0-9:_.{}-]{1,64}$/.test(value)) throw new ConfigError('REDIS_KEY_PREFIX', `must be 1-64 of A-Z a-z 0-9 : _ . - { }, got "${value}"`);
  return value;
}

export interface MailSettings {
  smtpUrl: string;
  /** The From header: `Name <address>` or a bare address. */
  from: string;
}

function mail(env: Env): MailSettings | undefined {
  const smtpUrl = url(env, 'SMTP_URL', ['smtp', 'smtps']);
  const from = optional(env, 'MAIL_FROM');
  if (smtpUrl === undefined) {
    if (from !== undefined) throw new ConfigError('MAIL_FROM', 'is set but SMTP_URL is not: mail needs a server to go through');
    return undefined;
  }
  const address = from === undefined ? 'tillbot <no-reply@localhost>' : from;
  if (!/^(?:[^<>@\r\n]+<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(address.trim()))
    throw new ConfigError('MAIL_FROM', `must be "Name <address>" or an address, got "${address}"`);
  return { smtpUrl, from: address.trim() };
}

/** Reads and checks every setting; the first bad one throws a ConfigError naming it. */
export function loadConfig(env: Env): Config {
  const { roles: chosen, defaulted } = roles(env);
  const dataDir = optional(env, 'DATA_DIR') ?? 'data';
  const token = optional(env, 'TELEGRAM_BOT_TOKEN');
  if (token !== undefined && !/^\d{1,20}:[A-Za-z0-9_-]{20,}$/.test(token))
    throw new ConfigError('TELEGRAM_BOT_TOKEN', 'does not look like a bot token ("123456:ABC…" from @BotFather)');
  const admins = list(env, 'ADMIN_TELEGRAM_IDS');
  for (const id of admins) if (!/^\d{1,20}$/.test(id)) throw new ConfigError('ADMIN_TELEGRAM_IDS', `"${id}" is not a Telegram user id (digits only)`);
  const currency = optional(env, 'SHOP_CURRENCY') ?? DEFAULT_LIMITS.currency;
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError('SHOP_CURRENCY', `must be a three-letter ISO code, got "${currency}"`);
  return {
    roles: chosen,
    rolesDefaulted: defaulted,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['mysql']),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    catalogCacheTtlMs: integer(env, 'CATALOG_CACHE_MS', 2000, 0, 600_000),
    sqlitePath: optional(env, 'SQLITE_PATH') ?? `${dataDir}/tillbot.sqlite`,
    dataDir,
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    redisCluster: redisCluster(env),
    redisKeyPrefix: redisKeyPrefix(env),
    adminApiKey: secret(env, 'ADMIN_API_KEY', 16),
    webhookSigningSecret: secret(env, 'WEBHOOK_SIGNING_SECRET', 16),
    mail: mail(env),
    referrals: {
      referrerCredit: minor(integer(env, 'REFERRAL_REFERRER_CREDIT', 500, 0, MAX_AMOUNT)),
      refereeCredit: minor(integer(env, 'REFERRAL_REFEREE_CREDIT', 500, 0, MAX_AMOUNT)),
      graceMs: integer(env, 'REFERRAL_GRACE_HOURS', 72, 0, 24 * 365) * 3_600_000,
      maxPerReferrer: integer(env, 'REFERRAL_MAX_PER_REFERRER', 100, 0, 1_000_000),
      maxTotal: minor(integer(env, 'REFERRAL_MAX_TOTAL', 1_000_000, 0, MAX_AMOUNT)),
    },
    webhookUrls: {
      allowPrivate: oneOf(env, 'WEBHOOK_ALLOW_PRIVATE', ['true', 'false'] as const, 'false') === 'true',
      requireHttps: optional(env, 'NODE_ENV') === 'production',
    },
    telegramBotToken: token,
    telegramWebhookSecret: secret(env, 'TELEGRAM_WEBHOOK_SECRET', 1, /^[A-Za-z0-9_-]{1,256}$/),
    telegramApiRoot: url(env, 'TELEGRAM_API_ROOT', ['http', 'https']),
    adminTelegramIds: admins,
    support: { chatId: supportChatId(env), remindAfterMs: integer(env, 'SUPPORT_REMIND_AFTER_MINUTES', 30, 1, 7 * 24 * 60) * 60_000 },
    publicUrl: url(env, 'PUBLIC_URL', ['http', 'https']),
    paymentNotifyBaseUrl: url(env, 'PAYMENT_NOTIFY_BASE_URL', ['http', 'https']),
    trustProxy: trustedProxies(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    limits: {
      currency,
      payWindowMs: integer(env, 'ORDER_PAY_WINDOW_MINUTES', DEFAULT_LIMITS.payWindowMs / 60_000, 1, 7 * 24 * 60) * 60_000,
      reuseMinRemainingMs: integer(env, 'ORDER_REUSE_MIN_REMAINING_SECONDS', DEFAULT_LIMITS.reuseMinRemainingMs / 1000, 0, 3600) * 1000,
      maxUnpaidOrders: integer(env, 'MAX_UNPAID_ORDERS', DEFAULT_LIMITS.maxUnpaidOrders, 1, 100),
      maxReservedPerProduct: integer(env, 'MAX_RESERVED_PER_PRODUCT', DEFAULT_LIMITS.maxReservedPerProduct, 1, 1_000_000),
      maxReservedUnits: integer(env, 'MAX_RESERVED_UNITS', DEFAULT_LIMITS.maxReservedUnits, 1, 1_000_000),
      cancelCooldownMs: integer(env, 'CANCEL_COOLDOWN_SECONDS', DEFAULT_LIMITS.cancelCooldownMs / 1000, 0, 24 * 3600) * 1000,
      maxLineQuantity: integer(env, 'MAX_LINE_QUANTITY', DEFAULT_LIMITS.maxLineQuantity, 1, 10_000),
      maxOrderLines: integer(env, 'MAX_ORDER_LINES', DEFAULT_LIMITS.maxOrderLines, 1, 100),
      maxDeliveryAttempts: integer(env, 'MAX_DELIVERY_ATTEMPTS', DEFAULT_LIMITS.maxDeliveryAttempts, 1, 100),
      paymentFirstCheckMs: integer(env, 'PAYMENT_FIRST_CHECK_SECONDS', DEFAULT_LIMITS.paymentFirstCheckMs / 1000, 1, 3600) * 1000,
      paymentCheckIntervalMs: integer(env, 'PAYMENT_CHECK_INTERVAL_SECONDS', DEFAULT_LIMITS.paymentCheckIntervalMs / 1000, 1, 3600) * 1000,
      sellerCommissionBps: integer(env, 'SELLER_COMMISSION_BPS', DEFAULT_LIMITS.sellerCommissionBps, 0, 10_000),
      sellerConfirmWindowMinutes: integer(env, 'SELLER_CONFIRM_WINDOW_MINUTES', DEFAULT_LIMITS.sellerConfirmWindowMinutes, 1, 30 * 24 * 60),
      checkoutLockout: {
        failures: integer(env, 'CHECKOUT_LOCKOUT_FAILURES', DEFAULT_LIMITS.checkoutLockout.failures, 0, 1000),
        windowMs: integer(env, 'CHECKOUT_LOCKOUT_WINDOW_MINUTES', DEFAULT_LIMITS.checkoutLockout.windowMs / 60_000, 1, 30 * 24 * 60) * 60_000,
        lockMs: integer(env, 'CHECKOUT_LOCKOUT_MINUTES', DEFAULT_LIMITS.checkoutLockout.lockMs / 60_000, 1, 30 * 24 * 60) * 60_000,
      },
    },
    initDataMaxAgeSeconds: integer(env, 'INIT_DATA_MAX_AGE_SECONDS', 24 * 3600, 60, 24 * 3600),
    botSessionTtlMs: integer(env, 'BOT_SESSION_TTL_HOURS', 24, 1, 24 * 30) * 3_600_000,
    shopUtcOffsetMinutes: integer(env, 'SHOP_UTC_OFFSET_MINUTES', 480, -720, 840),
    bodyLimitBytes: integer(env, 'HTTP_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
    seedDemoCatalog: oneOf(env, 'SEED_DEMO_CATALOG', ['auto', 'always', 'never'] as const, 'auto'),
    rateLimits: {
      windowMs: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600) * 1000,
      perIp: integer(env, 'RATE_LIMIT_PER_IP', 600, 0, 1_000_000),
      perShopper: integer(env, 'RATE_LIMIT_PER_SHOPPER', 120, 0, 1_000_000),
      ordersPerShopper: integer(env, 'RATE_LIMIT_ORDERS_PER_SHOPPER', 10, 0, 1_000_000),
      checksPerShopper: integer(env, 'RATE_LIMIT_CHECKS_PER_SHOPPER', 20, 0, 1_000_000),
      checksPerOrder: integer(env, 'RATE_LIMIT_CHECKS_PER_ORDER', 12, 0, 1_000_000),
    },
    wechatpay: wechatpay(env),
    alipay: alipay(env),
    paymentMethods: paymentMethods(env),
    paymentExceptions: paymentExceptions(env),
    sandbox: sandbox(env, integer(env, 'PORT', 3000, 0, 65535)),
    jobOverrides: jobOverrides(env),
  };
}

/** A group's id as Telegram gives it: negative (supergroups are -100…). */
function supportChatId(env: Env): string | undefined {
  const value = optional(env, 'SUPPORT_CHAT_ID');
  if (value !== undefined && !/^-\d{1,20}$/.test(value))
    throw new ConfigError('SUPPORT_CHAT_ID', `must be a group's id (negative, e.g. -1001234567890), got "${value}"`);
  return value;
}

/** TRUST_PROXY: off (the default) or the list of proxy addresses in front of the API; never "any client". */
function trustedProxies(env: Env): string[] {
  const proxies = list(env, 'TRUST_PROXY');
  if (proxies.length === 1 && ['off', 'false', 'no', '0'].includes(proxies[0]?.toLowerCase() ?? '')) return [];
  const wildcard = proxies.find((p) => ['true', 'on', 'yes', '1', '*', '0.0.0.0/0', '::/0'].includes(p.toLowerCase()));
  if (wildcard !== undefined) throw new ConfigError('TRUST_PROXY', `list the proxies' addresses (e.g. 10.0.0.5,10.0.1.0/24), not "${wildcard}"`);
  return proxies;
}
