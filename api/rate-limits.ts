import rateLimit, { FastifyRateLimitStore } from '@fastify/rate-limit';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter } from '../domain/shared/ports/rate-limiter';
import type { RateLimitSettings } from '../infrastructure/config/config';
import type { ErrorBody } from './schemas/common';

export type LimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface ApiRateLimits {
  /** Every API route but the provider callbacks (`config: { rateLimit: false }`), before auth. */
  perIp: LimitHook;
  /** After auth: the shopper's own budget (admins are not limited). */
  perShopper: LimitHook;
  placeOrder: LimitHook;
  checkPayment: LimitHook;
}

/**
 * @fastify/rate-limit's store over the shop's RateLimiter port: Redis when REDIS_URL is set (one count for every
 * instance), else its in-process twin — the same choice as the bot's flood limits (infrastructure/redis).
 */
function portStore(limiter: RateLimiter, warn: (error: unknown) => void): new () => FastifyRateLimitStore {
  return class PortStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      limiter.consume(key, { limit: max, windowMs: timeWindow }).then(
        (d) => callback(null, { current: d.allowed ? max - d.remaining : max + 1, ttl: d.resetMs }),
        (error: unknown) => {
          // skipOnError: a store that cannot answer lets the call through (a shop that refuses everyone is worse).
          warn(error);
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const HEADER_REMAINING = 'x-ratelimit-remaining';

export async function apiRateLimits(app: FastifyInstance, limiter: RateLimiter, settings: RateLimitSettings): Promise<ApiRateLimits> {
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    store: portStore(limiter, (error) => app.log.warn({ err: error }, 'rate limit store unavailable; letting the call through')),
  });

  const limit = (what: string, max: number, keyOf: (request: FastifyRequest) => string | null): LimitHook => {
    if (max <= 0) return async () => undefined;
    const check = app.createRateLimit({
      max,
      timeWindow: settings.windowMs,
      keyGenerator: (request) => `api:${keyOf(request) ?? ''}`,
      allowList: (request) => keyOf(request) === null,
    });
    return async (request, reply) => {
      const r = await check(request);
      if (r.isAllowed) return;
      // Several limits count one call: the headers tell the tightest.
      const shown = Number(reply.getHeader(HEADER_REMAINING));
      if (Number.isNaN(shown) || r.remaining <= shown) {
        reply.header('x-ratelimit-limit', r.max).header(HEADER_REMAINING, r.remaining).header('x-ratelimit-reset', r.ttlInSeconds);
      }
      if (!r.isExceeded) return;
      const body: ErrorBody = {
        error: {
          code: 'RATE_LIMITED',
          message: `too many ${what}: at most ${r.max} per ${Math.round(r.timeWindow / 1000)} s; try again in ${r.ttlInSeconds} s`,
          details: { limit: r.max, windowSeconds: Math.round(r.timeWindow / 1000), retryAfterSeconds: r.ttlInSeconds },
        },
      };
      return void reply.code(429).header('retry-after', r.ttlInSeconds).send(body);
    };
  };

  const shopperKey = (prefix: string) => (request: FastifyRequest) => (request.shopper && !request.isAdmin ? `${prefix}:${request.shopper.id}` : null);
  const perShopperCheck = limit('payment checks from you', settings.checksPerShopper, shopperKey('check:shopper'));
  const perOrderCheck = limit('payment checks for this order', settings.checksPerOrder, (request) => {
    const params = request.params as { orderNo?: unknown };
    return typeof params.orderNo === 'string' ? `check:order:${params.orderNo}` : null;
  });

  return {
    perIp: limit('requests from your address', settings.perIp, (request) => (request.routeOptions.config.rateLimit === false ? null : `ip:${request.ip}`)),
    perShopper: limit('requests from you', settings.perShopper, shopperKey('shopper')),
    placeOrder: limit('orders from you', settings.ordersPerShopper, shopperKey('orders')),
    async checkPayment(request, reply) {
      await perShopperCheck(request, reply);
      if (!reply.sent) await perOrderCheck(request, reply);
    },
  };
}
