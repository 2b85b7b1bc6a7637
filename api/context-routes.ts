import type { FastifyPluginAsync } from 'fastify';
import type { ProviderMethod } from '../domain/payment';
import type { Shop } from '../domain/shop';
import type { NotificationVerifier } from '../infrastructure/payment/notification-verifier';
import type { AuthHandlers } from './auth';
import type { CachedResponses } from './cached-responses';
import type { ApiRateLimits, LimitHook } from './rate-limits';

type OnRequest = AuthHandlers['admin'] | LimitHook;

/** Who may call a route, as `onRequest` hooks: they run before the body is parsed or validated, so a stranger gets 401, never a 400 with schema detail. */
export interface Access {
  shopper: OnRequest[];
  admin: OnRequest[];
  shopperOrAdmin: OnRequest[];
  /** A shopper with an active shop of their own (api/auth.ts `seller`). */
  seller: OnRequest[];
}

export const accessHooks = (auth: AuthHandlers, limits: ApiRateLimits): Access => ({
  shopper: [auth.shopper, limits.perShopper],
  admin: [auth.admin],
  shopperOrAdmin: [auth.shopperOrAdmin, limits.perShopper],
  seller: [auth.seller, limits.perShopper],
});

/** What a context's routes get from the server. */
export interface RouteDeps {
  shop: Shop;
  auth: AuthHandlers;
  access: Access;
  limits: ApiRateLimits;
  /** Who verifies each provider method's notifications (payment's routes). */
  verifiers: Readonly<Partial<Record<ProviderMethod, NotificationVerifier>>>;
  /** The server's clock (notification time windows, init data age). */
  now: () => Date;
  /** The base of the links the API hands out (PUBLIC_URL). */
  publicBaseUrl: string;
  /** The anonymous catalog reads' bodies as sent, kept while the product read cache holds. */
  catalogResponses: CachedResponses;
}

/**
 * One context's part of the HTTP API: its routes as one fastify plugin, and the HTTP status of each error code the
 * context owns. api/server.ts lists these, one line per context, and merges the statuses into the one table.
 */
export interface ContextRoutes<C extends string> {
  readonly routes: FastifyPluginAsync<RouteDeps>;
  readonly statuses: Readonly<Record<C, number>>;
}

export const defineRoutes = <C extends string>(routes: FastifyPluginAsync<RouteDeps>, statuses: Readonly<Record<C, number>>): ContextRoutes<C> => ({
  routes,
  statuses,
});
