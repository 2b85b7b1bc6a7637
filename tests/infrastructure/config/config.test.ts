import { loadConfig } from '../../../infrastructure/config/config';

describe('configuration', () => {
  it('runs embedded with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, sqlitePath: 'data/tillbot.sqlite', roles: ['api', 'bot', 'jobs', 'sandbox'], rolesDefaulted: true, logLevel: 'info' });
    expect(c.limits.currency).toBe('CNY');
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
  ])('%j stops with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes roles and MySQL/Redis URLs', () => {
    const c = loadConfig({ TILLBOT_ROLES: 'api, jobs', DATABASE_URL: 'mysql://root@127.0.0.1:3306/shop', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.roles).toEqual(['api', 'jobs']);
    expect(c.rolesDefaulted).toBe(false);
    expect(c.databaseUrl).toBe('mysql://root@127.0.0.1:3306/shop');
  });
});
