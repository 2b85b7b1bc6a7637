import { hostname } from 'node:os';
import cron from 'node-cron';
import { ConfigError } from './config/env-parsers';
import { randomBytes } from 'node:crypto';
import { Clock, systemClock } from '../domain/shared/clock';
import { DispatchDeps, OutboxHandler } from '../domain/shared/dispatch-outbox';
import { Notifier, TOPIC_DELIVER_ORDER, TOPIC_NOTIFY_ADMINS, TOPIC_NOTIFY_SHOPPER, AdminNotice, ShopperNotice } from '../domain/shared/notices';
import { Shop, ShopFacadeDeps, createShop } from '../domain/shop';
import { JobRunner } from '../jobs/job-runner';
import { OutboxPump } from '../jobs/outbox-pump';
import { Config } from './config/config';
import { HttpFulfilmentWebhook } from './fulfilment/http-fulfilment-webhook';
import { ensureLocalSecrets } from './local-secrets';
import { Logger } from './logging/logger';
import { LogNotifier } from './notifications/log-notifier';
import { withOutboxKick } from './outbox-kick';
import { Persistence, createPersistence } from './persistence/create-persistence';
import { RedisParts, createRedisParts } from './redis/create-redis-parts';
import { Payments, setUpPayments } from './payment/payment-setup';
import { noProvider } from './payment/no-provider';
import { TOPIC_EXECUTE_REFUND } from '../domain/payment/refund-order';

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
  /** Replaceable once the bot is up: notices then go to chats instead of the log. */
  setNotifier(notifier: Notifier): void;
  outboxCounts(): Promise<Record<string, number>>;
  /** Lets another part (the bot's broadcasts) handle an outbox topic of its own. */
  setOutboxHandler(topic: string, handler: OutboxHandler): void;
  close(): Promise<void>;
}

export interface ComposeOverrides {
  clock?: Clock;
  notifier?: Notifier;
  /** Start the scheduled jobs' cron timers (the jobs role); tests drive jobs by hand. */
  migrate?: boolean;
}

/** The manual composition root: every adapter is built here and handed to the domain; nothing else wires anything. */
/** The scheduled jobs, their default schedules (six-field cron) and batch sizes; JOB_<NAME>_SCHEDULE / _BATCH override. */
const JOBS = [
  { name: 'outbox-dispatch', schedule: '*/5 * * * * *', batch: 50, needsProvider: false },
  { name: 'retry-deliveries', schedule: '*/30 * * * * *', batch: 100, needsProvider: false },
  { name: 'repair-dropped-payments', schedule: '*/20 * * * * *', batch: 100, needsProvider: true },
  { name: 'close-expired-orders', schedule: '*/30 * * * * *', batch: 100, needsProvider: true },
  { name: 'retry-prepay', schedule: '*/15 * * * * *', batch: 50, needsProvider: true },
  { name: 'sync-refunds', schedule: '0 * * * * *', batch: 100, needsProvider: true },
] as const;
type JobName = (typeof JOBS)[number]['name'];

function checkJobOverrides(config: Config): void {
  for (const [name, override] of Object.entries(config.jobOverrides)) {
    if (!JOBS.some((j) => j.name === name)) throw new ConfigError(override.variable, `no job named "${name}"; jobs: ${JOBS.map((j) => j.name).join(', ')}`);
    if (override.schedule !== undefined && !cron.validate(override.schedule))
      throw new ConfigError(override.variable, `"${override.schedule}" is not a cron expression`);
  }
}

export async function composeApp(config: Config, logger: Logger, overrides: ComposeOverrides = {}): Promise<App> {
  checkJobOverrides(config);
  const persistence = createPersistence({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    sqlitePath: config.sqlitePath,
    logger: logger.child({ part: 'db' }),
  });
  const redis = createRedisParts(config.redisUrl, { prefix: config.redisKeyPrefix, log: (msg: string) => logger.warn({ part: 'redis' }, msg) });
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
  let notifier: Notifier = overrides.notifier ?? new LogNotifier(logger.child({ part: 'notices' }));

  // The pump is created below; the kick only runs after a commit, by which time it exists.
  let pump: OutboxPump | null = null;
  const uow = withOutboxKick(persistence.uow, () => pump?.kick());
  const payments = await setUpPayments(config, logger, `http://127.0.0.1:${config.port}`);
  const deps: ShopFacadeDeps = {
    uow,
    clock,
    limits: config.limits,
    webhook: new HttpFulfilmentWebhook(secrets.webhookSigningSecret),
    provider: payments.provider ?? noProvider,
    enabledPaymentMethods: payments.provider ? ['credit', 'wechatpay'] : ['credit'],
    log: (message, fields) => logger.warn(fields, message),
  };
  const shop = createShop(deps);

  const handlers: Record<string, OutboxHandler> = {};
  const dispatchDeps: DispatchDeps = {
    uow: persistence.uow,
    clock,
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseMs: 60_000,
    maxAttempts: 12,
    log: (message, fields) => logger.warn(fields, message),
    handlers,
  };
  Object.assign(handlers, {
    [TOPIC_DELIVER_ORDER]: async (m) => {
      const result = await shop.deliverOrder(String(m.payload.orderNo));
      // A failed attempt is already scheduled on the order itself (retry-deliveries); only a missing order retries here.
      return result.ok || result.error.code !== 'ORDER_NOT_FOUND';
    },
    [TOPIC_EXECUTE_REFUND]: async (m) => {
      const result = await shop.executeRefund(String(m.payload.outRefundNo));
      // Unreachable provider: the outbox retries with backoff (and refund sync asks again).
      return result.ok || result.error.code !== 'PROVIDER_UNAVAILABLE';
    },
    [TOPIC_NOTIFY_SHOPPER]: async (m) => {
      await notifier.notifyShopper(m.payload as unknown as ShopperNotice);
      return true;
    },
    [TOPIC_NOTIFY_ADMINS]: async (m) => {
      await notifier.notifyAdmins(m.payload as unknown as AdminNotice);
      return true;
    },
  } satisfies Record<string, OutboxHandler>);
  pump = new OutboxPump(dispatchDeps, 50, logger.child({ part: 'outbox' }));
  const activePump = pump;

  const instance = `${hostname()}:${process.pid}`;
  const jobs = new JobRunner(redis.lock, logger.child({ part: 'jobs' }), { instance, runLog: persistence.jobRuns });
  const { repairs } = shop;
  const runners: Record<JobName, (batch: number) => Promise<Record<string, number>>> = {
    'outbox-dispatch': () => activePump.drainOnce(),
    'retry-deliveries': (n) => repairs.retryDeliveries(n),
    'repair-dropped-payments': (n) => repairs.repairDroppedPayments(n),
    'close-expired-orders': (n) => repairs.closeExpiredOrders(n),
    'retry-prepay': (n) => repairs.retryPrepay(n),
    'sync-refunds': (n) => repairs.syncRefunds(n),
  };
  for (const job of JOBS) {
    if (job.needsProvider && !payments.provider) continue;
    const override: { schedule?: string; batch?: number } = config.jobOverrides[job.name] ?? {};
    const batch = override.batch ?? job.batch;
    jobs.register({ name: job.name, schedule: override.schedule ?? job.schedule, leaseMs: 120_000, run: () => runners[job.name](batch) });
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
    setNotifier(next: Notifier) {
      notifier = next;
    },
    outboxCounts: () => persistence.uow.run((tx) => tx.outbox.countByStatus()),
    setOutboxHandler(topic: string, handler: OutboxHandler) {
      handlers[topic] = handler;
    },
    async close() {
      activePump.stop();
      await jobs.stop();
      await payments.close();
      await redis.close();
      await persistence.close();
    },
  };
}
