import { type LocalBotApi, startLocalBotApi } from './local-bot-api';

/**
 * Runs the local Bot API on its own (demos, trying a bot by hand): LOCAL_BOT_API_PORT (default 8081), LOCAL_BOT_API_TOKEN
 * (default: a made-up one, printed), LOCAL_BOT_API_RATE_LIMITS=1 for Telegram-like flood control.
 * Point a bot at the printed apiRoot and play the user through /__local/ (see driver/driver-http.ts).
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<LocalBotApi> {
  const port = Number(env.LOCAL_BOT_API_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LOCAL_BOT_API_PORT is not a port: ${env.LOCAL_BOT_API_PORT}`);
  const local = await startLocalBotApi({
    port,
    host: env.LOCAL_BOT_API_HOST ?? '127.0.0.1',
    ...(env.LOCAL_BOT_API_TOKEN ? { token: env.LOCAL_BOT_API_TOKEN } : {}),
    rateLimits: env.LOCAL_BOT_API_RATE_LIMITS === '1',
  });
  console.log(`local Telegram Bot API at ${local.apiRoot} for bot token ${local.token}`);
  const stop = (): void => {
    void local.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return local;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
