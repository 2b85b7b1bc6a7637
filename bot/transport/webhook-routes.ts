import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { BotContext } from '../bot-context';

export const WEBHOOK_PATH = '/telegram/webhook';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Without TELEGRAM_WEBHOOK_SECRET the secret is derived from the bot token: every replica computes the same one,
 * and nobody without the token can.
 */
export const derivedWebhookSecret = (token: string): string => createHmac('sha256', token).update('tillbot telegram webhook secret').digest('base64url');

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

const isUpdate = (body: unknown): body is Update =>
  typeof body === 'object' && body !== null && typeof (body as { update_id?: unknown }).update_id === 'number';

/**
 * Lets a stopping bot finish the updates it is handling and refuse new ones (Telegram delivers them again later,
 * to this replica once it is back or to another). Answers given while stopping close their connection, so the
 * HTTP server's own close is not held up by Telegram's keep-alive connection.
 */
export class WebhookGate {
  private open = true;
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  get closing(): boolean {
    return !this.open;
  }

  enter(): boolean {
    if (!this.open) return false;
    this.inFlight += 1;
    return true;
  }

  leave(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  async close(timeoutMs: number): Promise<void> {
    this.open = false;
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    // The last answer is written just after its handler returns.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The webhook inside the shop's own fastify server. Only requests carrying the secret Telegram was given are
 * updates; the update is handled before the 200 goes back, so a crash mid-update makes Telegram deliver it again.
 * The answer has an empty body: Telegram would run a method given in it, and every call here is a real call.
 */
export function webhookRoutes(bot: Telegraf<BotContext>, secret: string, gate: WebhookGate): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    app.post(WEBHOOK_PATH, { bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const header = request.headers[SECRET_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, secret)) {
        return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'this endpoint only takes updates from Telegram' } });
      }
      if (!isUpdate(request.body)) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: 'not a Telegram update' } });
      // Until start() has asked getMe, telegraf would ask on its own and keep a failed answer forever: wait instead.
      const ready = bot.botInfo !== undefined && gate.enter();
      if (!ready) {
        if (gate.closing) reply.header('connection', 'close');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ error: { code: 'UNAVAILABLE', message: 'the bot is starting or stopping; deliver again later' } });
      }
      try {
        await bot.handleUpdate(request.body);
      } finally {
        gate.leave();
      }
      if (gate.closing) reply.header('connection', 'close');
      return reply.code(200).send();
    });
  };
}
