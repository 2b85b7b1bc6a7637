import { randomBytes } from 'node:crypto';
import { CallLog } from './call-log';
import { driverRoutes } from './driver/driver-http';
import { UserDriver } from './driver/user-driver';
import { Faults } from './faults';
import { newBotToken } from './ids';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig, SendRateLimiter } from './rate-limiter';
import { observeSendRates, type ObservedSendRates } from './send-rates';
import { buildServer, WEBHOOK_REPLY_HEADER } from './server';
import type { WebhookOptions } from './webhook-delivery';
import { type BotSpec, BotState, World } from './world';

export interface LocalBotApiOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The bot(s) the local Bot API knows; any other well-formed token is 401 Unauthorized. One is made up if none is given. */
  token?: string | BotSpec;
  tokens?: ReadonlyArray<string | BotSpec>;
  /** Telegram-like flood control on sendMessage/sendPhoto/sendDocument: true for the defaults, or custom figures. */
  rateLimits?: boolean | Partial<RateLimitConfig>;
  /** How long a callback query stays answerable (default 15 s). */
  callbackQueryTtlMs?: number;
  /** How long a pre_checkout_query waits for its answer before the payment fails (Telegram: 10 s). */
  preCheckoutTimeoutMs?: number;
  webhook?: Partial<WebhookOptions>;
  /**
   * Serve the user side over HTTP under /__local/ (default true), for playing a person with curl. The embedded shop
   * turns it off: its chat page is the user side there, and nothing else on the machine should act as its people.
   */
  driverHttp?: boolean;
}

export interface LocalBotApi {
  /** What to give telegraf as `telegram: { apiRoot }`, e.g. http://127.0.0.1:40123 */
  apiRoot: string;
  port: number;
  /** The first bot's token. */
  token: string;
  tokens: string[];
  /** The user side of the first bot's chats. */
  driver: UserDriver;
  driverFor(token: string): UserDriver;
  /** Every Bot API call received, with its parameters, times and answer. */
  calls: CallLog;
  /** Injectable 429s, 5xx, delays, hangs and dropped connections. */
  faults: Faults;
  /** The busiest 1 s windows of delivered bot messages (per chat and overall) for one bot (default: the first). */
  sendRates(token?: string): ObservedSendRates;
  close(): Promise<void>;
}

const DEFAULT_WEBHOOK: WebhookOptions = { timeoutMs: 10_000, retryDelaysMs: [200, 500, 1000, 2000, 5000], requireHttps: false };

const toSpec = (token: string | BotSpec): BotSpec => (typeof token === 'string' ? { token } : token);

function rateLimitConfig(option: LocalBotApiOptions['rateLimits']): RateLimitConfig | undefined {
  if (!option) return undefined;
  return option === true ? DEFAULT_RATE_LIMITS : { ...DEFAULT_RATE_LIMITS, ...option };
}

/** Starts a local Telegram Bot API server that the real telegraf client (or any Bot API client) can talk to. */
export async function startLocalBotApi(options: LocalBotApiOptions = {}): Promise<LocalBotApi> {
  const specs = [...(options.token ? [options.token] : []), ...(options.tokens ?? [])].map(toSpec);
  const defaultSpec = specs[0] ?? { token: newBotToken() };
  if (specs.length === 0) specs.push(defaultSpec);
  const world = new World({
    callbackQueryTtlMs: options.callbackQueryTtlMs ?? 15_000,
    preCheckoutTimeoutMs: options.preCheckoutTimeoutMs ?? 10_000,
    webhook: { ...DEFAULT_WEBHOOK, ...options.webhook },
  });
  const calls = new CallLog();
  const faults = new Faults();
  const closing = new AbortController();
  const webhookReplyKey = randomBytes(16).toString('hex');
  let inject: (token: string, contentType: string, body: Buffer) => Promise<void> = () => Promise.resolve();
  for (const spec of specs) {
    world.bots.set(spec.token, new BotState(spec, world, (contentType, body) => inject(spec.token, contentType, body)));
  }
  const drivers = new Map([...world.bots].map(([token, bot]) => [token, new UserDriver(bot)]));
  const driverFor = (token: string | undefined): UserDriver => {
    const driver = drivers.get(token ?? defaultSpec.token);
    if (!driver) throw new Error(`The local Bot API serves no bot with token ${token}`);
    return driver;
  };
  const limits = rateLimitConfig(options.rateLimits);
  const app = await buildServer({
    world,
    calls,
    faults,
    webhookReplyKey,
    closing: closing.signal,
    ...(limits ? { limiter: new SendRateLimiter(limits) } : {}),
    ...(options.driverHttp === false ? {} : { extraRoutes: driverRoutes(driverFor, calls) }),
  });
  inject = async (token, contentType, body) => {
    await app.inject({
      method: 'POST',
      url: `/bot${token}/`,
      headers: { 'content-type': contentType, [WEBHOOK_REPLY_HEADER]: webhookReplyKey },
      payload: body,
    });
  };
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);

  return {
    apiRoot: `http://${host}:${port}`,
    port,
    token: defaultSpec.token,
    tokens: specs.map((s) => s.token),
    driver: driverFor(undefined),
    driverFor,
    calls,
    faults,
    sendRates(token) {
      const bot = world.bots.get(token ?? defaultSpec.token);
      if (!bot) throw new Error(`The local Bot API serves no bot with token ${token}`);
      return observeSendRates([...bot.chats.values()].flatMap((chat) => chat.messages.filter((m) => m.sender === 'bot')));
    },
    async close() {
      closing.abort();
      for (const bot of world.bots.values()) bot.updates.shutdown();
      await Promise.all([...world.bots.values()].map((bot) => bot.webhook.close()));
      await app.close();
    },
  };
}
