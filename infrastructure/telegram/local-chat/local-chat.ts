import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startLocalBotApi } from '../local-bot-api';
import { ChatPeople } from './chat-people';
import { chatRoutes } from './chat-routes';
import { ensureLocalBotToken } from './local-bot-token';

export const CHAT_PATH = '/chat';

export interface LocalChat {
  /** The settings the shop runs with: the local bot token (also the Mini App init-data key), the local apiRoot, Admin among the admins. */
  config: Config;
  /** The chat page and its API, for the shop's HTTP server. */
  routes: (app: FastifyInstance) => Promise<void>;
  /** Tells where the shop listens (the page's address; a webhook set for PUBLIC_URL is delivered there); returns the start-up lines. */
  listening(shopAddress: string): string[];
  close(): Promise<void>;
}

/**
 * With no TELEGRAM_BOT_TOKEN the shop still has its main door: the bot runs against the project's local Bot API
 * in this process (a token made once and kept in data/secrets.json), and /chat is the Telegram client for the
 * people it lists. With a real token this returns null and nothing changes. Needs the bot role; without the api
 * role the bot runs but nobody can reach the page, which the log says.
 */
export async function startLocalChat(config: Config, logger: Logger): Promise<LocalChat | null> {
  if (config.telegramBotToken || !config.roles.includes('bot')) return null;
  const token = ensureLocalBotToken(config.dataDir);
  let shopAddress = `http://127.0.0.1:${config.port}`;
  const local = await startLocalBotApi({
    token: { token, username: 'tillbot_local_bot', firstName: 'tillbot' },
    // Telegram's flood limits, so the bot's pacing is what it will be against Telegram.
    rateLimits: true,
    driverHttp: false,
    // PUBLIC_URL (webhook mode) names where Telegram would reach the shop; locally the updates go to the shop itself.
    webhook: {
      rewriteUrl: (url) => {
        const registered = new URL(url);
        return `${shopAddress}${registered.pathname}${registered.search}`;
      },
    },
  });
  logger.info({ apiRoot: local.apiRoot, bot: local.driver.botInfo.username }, 'local Telegram Bot API started (no TELEGRAM_BOT_TOKEN)');
  const people = new ChatPeople();
  const admins = ChatPeople.adminIds();
  if (!config.roles.includes('api')) {
    logger.warn(
      { localBotApi: local.apiRoot },
      'chat page is off: this process has no api role (the bot runs against the local Bot API, but /chat is not served)',
    );
  }
  return {
    config: {
      ...config,
      telegramBotToken: token,
      telegramApiRoot: local.apiRoot,
      adminTelegramIds: [...new Set([...config.adminTelegramIds, ...admins])],
    },
    routes: chatRoutes({ driver: local.driver, people }),
    listening(address) {
      shopAddress = address;
      const who = ChatPeople.builtIn()
        .map((p) => `${p.name} ${p.id}${p.role === 'admin' ? ' (an admin of this shop)' : ''}`)
        .join(', ');
      return [
        `chat with the bot: ${address}${CHAT_PATH}  (no TELEGRAM_BOT_TOKEN: the bot runs against a local Bot API; nothing goes to Telegram)`,
        `chat people: ${who}; Telegram id ${admins.join(', ')} is added to ADMIN_TELEGRAM_IDS while the local Bot API is in use`,
      ];
    },
    close: () => local.close(),
  };
}
