import { loadConfig } from '../../../infrastructure/config/config';

describe('configuration', () => {
  it('runs embedded with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      redisCluster: undefined,
      sqlitePath: 'data/tillbot.sqlite',
      roles: ['api', 'bot', 'jobs', 'sandbox'],
      rolesDefaulted: true,
      logLevel: 'info',
    });
    expect(c.limits.currency).toBe('CNY');
    // The checkout lockout: 5 failed checkouts within 60 minutes lock for 30.
    expect(c.limits.checkoutLockout).toEqual({ failures: 5, windowMs: 60 * 60_000, lockMs: 30 * 60_000 });
    expect(loadConfig({ CHECKOUT_LOCKOUT_FAILURES: '0' }).limits.checkoutLockout.failures).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT: must be between 0 and 65535, got 70000'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL: must start with mysql://, got "postgres://"'],
    [{ REDIS_URL: 'nope' }, 'REDIS_URL: is not a valid URL: "nope"'],
    [{ TILLBOT_ROLES: 'api,web' }, 'TILLBOT_ROLES: unknown role "web"; use a comma list of api, bot, jobs, sandbox'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY: must be at least 16 characters'],
    [{ TELEGRAM_BOT_TOKEN: 'abc' }, 'TELEGRAM_BOT_TOKEN: does not look like a bot token ("123456:ABC…" from @BotFather)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ ADMIN_TELEGRAM_IDS: '12,abc' }, 'ADMIN_TELEGRAM_IDS: "abc" is not a Telegram user id (digits only)'],
    [{ REDIS_KEY_PREFIX: 'shop one:' }, 'REDIS_KEY_PREFIX: must be 1-64 of A-Z a-z 0-9 : _ . - { }, got "shop one:"'],
    [{ REDIS_CLUSTER_NODES: '10.0.0.1' }, 'REDIS_CLUSTER_NODES: "10.0.0.1" names no port (host:port)'],
    [{ REDIS_CLUSTER_NODES: 'http://10.0.0.1:7000' }, 'REDIS_CLUSTER_NODES: a node must be host:port, redis:// or rediss://, not http://'],
    [{ REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000/2' }, 'REDIS_CLUSTER_NODES: a cluster has one database only'],
    [{ REDIS_CLUSTER_NODES: 'redis://:a@10.0.0.1:7000,redis://:b@10.0.0.2:7000' }, 'REDIS_CLUSTER_NODES: every node must have the same credentials and scheme'],
    [{ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://10.0.0.9:6379' }, 'REDIS_CLUSTER_NODES: set it or REDIS_URL, not both'],
    [{ WEBHOOK_SIGNING_SECRET: 'short' }, 'WEBHOOK_SIGNING_SECRET: must be at least 16 characters'],
    [{ PAYMENT_FIRST_CHECK_SECONDS: '0' }, 'PAYMENT_FIRST_CHECK_SECONDS: must be between 1 and 3600, got 0'],
    [{ CHECKOUT_LOCKOUT_FAILURES: '-1' }, 'CHECKOUT_LOCKOUT_FAILURES: must be between 0 and 1000, got -1'],
    [{ CHECKOUT_LOCKOUT_WINDOW_MINUTES: '0' }, 'CHECKOUT_LOCKOUT_WINDOW_MINUTES: must be between 1 and 43200, got 0'],
    [{ CHECKOUT_LOCKOUT_MINUTES: 'soon' }, 'CHECKOUT_LOCKOUT_MINUTES: must be a whole number, got "soon"'],
  ])('%j stops with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes roles and MySQL/Redis URLs', () => {
    const c = loadConfig({ TILLBOT_ROLES: 'api, jobs', DATABASE_URL: 'mysql://root@127.0.0.1:3306/shop', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.roles).toEqual(['api', 'jobs']);
    expect(c.rolesDefaulted).toBe(false);
    expect(c.databaseUrl).toBe('mysql://root@127.0.0.1:3306/shop');
  });

  it('takes a Redis Cluster by its seed nodes, with the credentials and TLS of their URLs', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001' }).redisCluster).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
      tls: false,
    });
    const secured = loadConfig({ REDIS_CLUSTER_NODES: 'rediss://shop:p%40ss@a.example:6380,rediss://shop:p%40ss@b.example:6380' }).redisCluster;
    expect(secured).toMatchObject({ username: 'shop', password: 'p@ss', tls: true, nodes: [{ host: 'a.example' }, { host: 'b.example' }] });
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis://shop:secret@a.example' })).not.toThrow(/secret/);
  });

  it('takes what instances of one shop share, and the repair timing', () => {
    expect(loadConfig({})).toMatchObject({ redisKeyPrefix: 'tillbot:', webhookSigningSecret: undefined, limits: { paymentFirstCheckMs: 60_000 } });
    const c = loadConfig({
      REDIS_KEY_PREFIX: 'shop-eu:',
      WEBHOOK_SIGNING_SECRET: 'shared-by-all-instances',
      PAYMENT_FIRST_CHECK_SECONDS: '5',
      ORDER_PAY_WINDOW_MINUTES: '1',
    });
    expect(c).toMatchObject({
      redisKeyPrefix: 'shop-eu:',
      webhookSigningSecret: 'shared-by-all-instances',
      limits: { paymentFirstCheckMs: 5000, payWindowMs: 60_000 },
    });
  });

  it('mails only with an SMTP server, from a sender that is an address', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:587' }).mail).toEqual({ smtpUrl: 'smtp://mail.example:587', from: 'tillbot <no-reply@localhost>' });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example', MAIL_FROM: 'Tea <shop@tea.example>' }).mail).toMatchObject({ from: 'Tea <shop@tea.example>' });
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'shop@tea.example' }).mail).toMatchObject({ from: 'shop@tea.example' });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'shop@tea.example' })).toThrow(/MAIL_FROM: is set but SMTP_URL is not/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'Tea Shop' })).toThrow(/MAIL_FROM/);
  });
});
