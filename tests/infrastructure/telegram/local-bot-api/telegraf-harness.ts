import { Telegraf } from 'telegraf';
import type { LocalBotApi } from '../../../../infrastructure/telegram/local-bot-api';

/** A real telegraf bot pointed at the stand-in, with every API call a real HTTP call (webhookReply off). */
export function telegrafFor(standIn: LocalBotApi, token = standIn.token): Telegraf {
  return new Telegraf(token, { telegram: { apiRoot: standIn.apiRoot, webhookReply: false } });
}

/** What a rejected Bot API call looked like to telegraf. */
export interface SeenError {
  code: number;
  description: string;
  retryAfter?: number;
}

export async function apiError(call: Promise<unknown>): Promise<SeenError> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: unknown; description?: unknown; parameters?: { retry_after?: number } };
    if (typeof e.code !== 'number' || typeof e.description !== 'string') throw error;
    return { code: e.code, description: e.description, ...(e.parameters?.retry_after !== undefined ? { retryAfter: e.parameters.retry_after } : {}) };
  }
  throw new Error('The call succeeded; a Bot API error was expected');
}

/** Starts long polling; the returned stop() ends it and waits until telegraf has let go. */
export async function launchPolling(bot: Telegraf, standIn: LocalBotApi): Promise<{ stop(): Promise<void> }> {
  let failure: unknown;
  const running = bot.launch().catch((error: unknown) => {
    failure = error;
  });
  const before = standIn.calls.count('getUpdates');
  await standIn.driver.waitUntil(() => failure !== undefined || standIn.calls.count('getUpdates') > before, 5000, 'telegraf to start polling');
  if (failure) throw failure;
  return {
    async stop() {
      bot.stop('test finished');
      await running;
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
