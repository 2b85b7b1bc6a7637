import { type BotApiStandIn, startBotApiStandIn } from './bot-api-stand-in';

/**
 * Runs the stand-in on its own for demos: BOT_API_STAND_IN_PORT (default 8081), BOT_API_STAND_IN_TOKEN
 * (default: a made-up one, printed), BOT_API_STAND_IN_RATE_LIMITS=1 for Telegram-like flood control.
 * Point a bot at the printed apiRoot and play the user through /__stand_in/ (see driver/driver-http.ts).
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<BotApiStandIn> {
  const port = Number(env.BOT_API_STAND_IN_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`BOT_API_STAND_IN_PORT is not a port: ${env.BOT_API_STAND_IN_PORT}`);
  const standIn = await startBotApiStandIn({
    port,
    host: env.BOT_API_STAND_IN_HOST ?? '127.0.0.1',
    ...(env.BOT_API_STAND_IN_TOKEN ? { token: env.BOT_API_STAND_IN_TOKEN } : {}),
    rateLimits: env.BOT_API_STAND_IN_RATE_LIMITS === '1',
  });
  console.log(`Telegram Bot API stand-in at ${standIn.apiRoot} for bot token ${standIn.token}`);
  const stop = (): void => {
    void standIn.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return standIn;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
