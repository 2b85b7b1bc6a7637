import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import cron from 'node-cron';
import { Mailer, Notifier } from '../../domain/messaging';
import { configuredProviders } from '../../domain/payment';
import { Clock, systemClock } from '../../domain/shared/clock';
import { Ids } from '../../domain/shared/ids';
import { OutboxHandler, OutboxHandlers } from '../../domain/shared/outbox/outbox-handler';
import { Shop, createShop, outboxHandlersOf } from '../../domain/shop';
import { JOBS } from '../../jobs';
import { TempImportFiles } from '../catalog-import/temp-import-files';
import { Config } from '../config/config';
import { ConfigError } from '../config/env-parsers';
import { HttpFulfilmentWebhook } from '../fulfilment/http-fulfilment-webhook';
import { randomIds } from '../ids/random-ids';
import { ensureLocalSecrets } from '../local-secrets';
import { AllAddressesLookup, webhookHostResolver } from '../fulfilment/webhook-target-guard';
import { Logger } from '../logging/logger';
import { ShopMetrics } from '../metrics/shop-metrics';
import { withProviderEventMetrics, observedVerifier } from '../metrics/notification-metrics';
import { observedHandler } from '../metrics/observed-handlers';
import { withOrderObserver } from '../metrics/order-observer';
import { watchOutboxBacklog } from '../metrics/outbox-backlog-metrics';
import { LogNotifier } from '../notifications/log-notifier';
import { NotifierChannels } from '../notifications/notifier-channels';
import { SmtpMailer } from '../notifications/mail/smtp-mailer';
import { withOutboxKick } from '../outbox/outbox-kick';
import { OutboxPump } from '../outbox/outbox-pump';
import { Payments, setUpPayments } from '../payment/payment-setup';
import { watchPlatformKeys } from '../payment/wechatpay/watch-platform-keys';
import { Persistence, createPersistence } from '../persistence/create-persistence';
import { RedisParts, createRedisParts } from '../redis/create-redis-parts';
import { topicOf } from '../redis/invalidation-channel';
import { secureDataDir } from '../data-dir-permissions';
import { JobRunner } from '../scheduling/job-runner';

export interface App {
  config: Config;
  logger: Logger;
  shop: Shop;
  persistence: Persistence;
  redis: RedisParts;
  payments: Payments;
  jobs: JobRunner;
  pump: OutboxPump;
  adminApiKey: string;
  adminKeyGenerated: boolean;
  /** Connects a notice channel (the bot's chats, by name); until one is connected, notices go to the log. */
  useNotifier(channel: string, notifier: Notifier): void;
  /** Lets another part (the bot's broadcasts) handle an outbox topic of its own, like any context. */
  registerOutboxHandler(handler: OutboxHandler): void;
  /** Every metric of this shop (served at /metrics). */
  metrics: ShopMetrics;
  close(): Promise<void>;
}

export interface ComposeOverrides {
  clock?: Clock;
  ids?: Ids;
  notifier?: Notifier;
  /** The mail channel in place of SMTP_URL's (tests). */
  mailer?: Mailer;
  /** Apply pending migrations at start (default true). */
  migrate?: boolean;
  /** The DNS webhook targets are resolved with, when an admin sets them and at every send (tests: a scripted one). */
  webhookDns?: AllAddressesLookup;
}

function checkJobOverrides(config: Config): void {
  for (const [name, override] of Object.entries(config.jobOverrides)) {
    if (!JOBS.some((j) => j.name === name)) throw new ConfigError(override.variable, `no job named "${name}"; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
    if (override.schedule !== undefined && !cron.validate(override.schedule))
      throw new ConfigError(override.variable, `"${override.schedule}" is not a cron expression`);
  }
}

/** The manual composition root: every adapter is built here and handed to the domain; it wires, it decides nothing. */
export async function composeApp(config: Config, logger: Logger, overrides: ComposeOverrides = {}): Promise<App> {
  checkJobOverrides(config);
  const redis = createRedisParts(config.redisCluster ?? config.redisUrl, {
    prefix: config.redisKeyPrefix,
    log: (msg: string) => logger.warn({ part: 'redis' }, msg),
  });
  secureDataDir(config.dataDir, (message) => logger.warn({ part: 'data' }, message));
  const persistence = createPersistence({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    sqlitePath: config.sqlitePath,
    logger: logger.child({ part: 'db' }),
    productCache: { ttlMs: config.catalogCacheTtlMs, notices: topicOf(redis.invalidations, 'catalog') },
  });
  try {
    return await wire(config, logger, overrides, persistence, redis);
  } catch (e) {
    // A start that fails half-way leaves no open connection behind.
    await redis.close().catch(() => undefined);
    await persistence.close().catch(() => undefined);
    throw e;
  }
}

async function wire(config: Config, logger: Logger, overrides: ComposeOverrides, persistence: Persistence, redis: RedisParts): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  if (overrides.migrate !== false) {
    const applied = await persistence.migrate();
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
  }
  const secrets = ensureLocalSecrets(config.dataDir, { adminApiKey: config.adminApiKey, webhookSigningSecret: config.webhookSigningSecret });
  const smtpMailer = config.smtp ? new SmtpMailer({ ...config.smtp, currency: config.limits.currency, shopName: 'tillbot' }) : null;
  const mailer: Mailer | null = overrides.mailer ?? smtpMailer;
  const notifications = new NotifierChannels(overrides.notifier ?? new LogNotifier(logger.child({ part: 'notices' })));

  const metrics = new ShopMetrics();
  watchOutboxBacklog(metrics, (now) => persistence.outboxBacklog(now), clock);
  // The pump is created below; the kick only runs after a commit, by which time it exists.
  let pump: OutboxPump | null = null;
  const uow = withOutboxKick(
    withOrderObserver(persistence.uow, (counted) => metrics.orders.inc(counted)),
    () => pump?.kick(),
  );
  const setUp = await setUpPayments(config, logger, `http://127.0.0.1:${config.port}`);
  const payments: Payments = {
    ...setUp,
    verifiers: Object.fromEntries(Object.entries(setUp.verifiers).map(([method, verifier]) => [method, observedVerifier(verifier, metrics)])),
  };
  const domainShop = createShop({
    uow,
    clock,
    ids: overrides.ids ?? randomIds,
    limits: config.limits,
    importFiles: new TempImportFiles(),
    webhook: new HttpFulfilmentWebhook(secrets.webhookSigningSecret, { ...config.webhookUrls, ...(overrides.webhookDns ? { dns: overrides.webhookDns } : {}) }),
    webhookTargets: { rules: config.webhookUrls, resolver: webhookHostResolver(overrides.webhookDns) },
    providers: payments.providers,
    paymentMethods: config.paymentMethods,
    paymentExceptions: config.paymentExceptions,
    coordination: { flights: redis.flights },
    notifier: notifications,
    mailer,
    log: (message, fields) => logger.warn(fields, message),
  });
  const shop = withProviderEventMetrics(domainShop, metrics);

  const handlers = new OutboxHandlers(outboxHandlersOf(shop).map((handler) => observedHandler(handler, metrics)));
  pump = new OutboxPump(
    {
      uow: persistence.uow,
      clock,
      handlers,
      owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      leaseMs: 60_000,
      log: (message, fields) => logger.warn(fields, message),
    },
    50,
    logger.child({ part: 'outbox' }),
  );
  const activePump = pump;

  const jobs = new JobRunner(redis.lock, logger.child({ part: 'jobs' }), {
    instance: `${hostname()}:${process.pid}`,
    runLog: persistence.jobRuns,
    observer: {
      registered: (job) => metrics.registerJob(job),
      ran: (job, ok, seconds) => metrics.jobRan(job, ok, seconds),
      skipped: (job) => metrics.jobSkipped.inc({ job }),
    },
  });
  const hasProvider = configuredProviders(payments.providers).length > 0;
  const platformKeys = payments.wechatpayClient
    ? watchPlatformKeys(payments.wechatpayClient, persistence.platformCertificates, logger.child({ part: 'wechatpay-keys' }), () => clock.now())
    : undefined;
  // What other instances already learned (a rotation before this one started); WeChat is asked by the job.
  await platformKeys?.loadStored().catch((e: unknown) => logger.warn({ err: e }, 'stored WeChat Pay platform certificates not read; the job will retry'));
  for (const job of JOBS) {
    if (job.needs === 'payment-provider' && !hasProvider) continue;
    if (job.needs === 'platform-certificates' && !platformKeys) continue;
    const override: { schedule?: string; batch?: number } = config.jobOverrides[job.name] ?? {};
    const batch = override.batch ?? job.batch;
    jobs.register({
      name: job.name,
      schedule: override.schedule ?? job.schedule,
      leaseMs: 120_000,
      run: () => job.run({ shop, outbox: activePump, ...(platformKeys ? { platformKeys } : {}) }, batch),
    });
  }

  return {
    config,
    logger,
    shop,
    persistence,
    redis,
    payments,
    jobs,
    pump: activePump,
    adminApiKey: secrets.adminApiKey,
    adminKeyGenerated: secrets.generated.includes('adminApiKey'),
    useNotifier: (channel, notifier) => notifications.use(channel, notifier),
    registerOutboxHandler: (handler) => handlers.register(observedHandler(handler, metrics)),
    metrics,
    async close() {
      activePump.stop();
      await jobs.stop();
      await payments.close();
      smtpMailer?.close();
      await redis.close();
      await persistence.close();
    },
  };
}
