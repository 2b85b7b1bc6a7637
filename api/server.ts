import { randomUUID } from 'node:crypto';
import Fastify, { FastifyBaseLogger, FastifyInstance, RouteOptions } from 'fastify';
import type { RateLimiter } from '../domain/shared/ports/rate-limiter';
import { SharedErrorCode } from '../domain/shared/error-codes';
import { ErrorCode } from '../domain/shop';
import { Logger } from '../infrastructure/logging/logger';
import { observeHttp, requestChildLogger } from '../infrastructure/metrics/http-metrics';
import { ShopMetrics } from '../infrastructure/metrics/shop-metrics';
import { JobRunner } from '../infrastructure/scheduling/job-runner';
import { AuthSettings, authHandlers } from './auth';
import { ContextRoutes, RouteDeps, accessHooks } from './context-routes';
import { registerOpenApi } from './openapi';
import { apiRateLimits } from './rate-limits';
import type { RateLimitSettings } from '../infrastructure/config/config';
import { SHARED_STATUS, errorHandler } from './errors';
import { CachedResponses, CatalogReadVersion } from './cached-responses';
import { accountRoutes } from './routes/account';
import { adminJobRoutes } from './routes/admin-jobs';
import { catalogRoutes } from './routes/catalog';
import { ReadinessCheck, healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { orderingRoutes } from './routes/ordering';
import { paymentRoutes } from './routes/payment';
import { couponRoutes } from './routes/coupons';
import { referralRoutes } from './routes/referrals';
import { reviewRoutes } from './routes/reviews';
import { restockRoutes } from './routes/restock';
import { supportRoutes } from './routes/support';
import { sellersRoutes } from './routes/sellers';

/** Each context's routes and error statuses, one line per context. */
const CONTEXT_ROUTES = [
  catalogRoutes,
  accountRoutes,
  orderingRoutes,
  paymentRoutes,
  sellersRoutes,
  reviewRoutes,
  referralRoutes,
  supportRoutes,
  restockRoutes,
  couponRoutes,
] as const;

type CodesOf<T> = T extends ContextRoutes<infer C> ? C : never;
type WithStatus = SharedErrorCode | CodesOf<(typeof CONTEXT_ROUTES)[number]>;
type Holds<T extends true> = T;
/** Compile-time: every domain error code has an HTTP status in some context's table (a missing one is a type error here). */
export type EveryCodeHasAStatus = Holds<[Exclude<ErrorCode, WithStatus>] extends [never] ? true : false>;

const STATUS_TABLES: ReadonlyArray<Readonly<Partial<Record<ErrorCode, number>>>> = [SHARED_STATUS, ...CONTEXT_ROUTES.map((c) => c.statuses)];

function errorStatus(code: ErrorCode): number {
  for (const table of STATUS_TABLES) {
    const status = table[code];
    if (status !== undefined) return status;
  }
  return 500;
}

export interface ApiDeps {
  shop: RouteDeps['shop'];
  verifiers: RouteDeps['verifiers'];
  auth: AuthSettings;
  readiness: ReadinessCheck[];
  logger: Logger;
  bodyLimitBytes: number;
  /** Proxies whose X-Forwarded-* headers are believed (empty: none). */
  trustProxy: string[];
  /** Where links the API hands out (qrUrl) point: PUBLIC_URL, never a request's Host header. */
  publicBaseUrl: string;
  jobs: JobRunner;
  metrics: ShopMetrics;
  /** Counts calls for the API's rate limits: Redis when configured, else the in-process twin. */
  rateLimiter: RateLimiter;
  rateLimits: RateLimitSettings;
  /** The product read cache's version: the catalog's response bodies are kept while it holds (absent: not kept). */
  catalogReads?: CatalogReadVersion | null;
  /** Routes other parts add to the same server (the bot's webhook). */
  extraRoutes?: Array<(app: FastifyInstance) => Promise<void>>;
}

/** A route as registered: what tests/api/openapi.test.ts compares with the document and iterates for auth. */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: RouteOptions['schema'];
  config: RouteOptions['config'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the server registered (collected by onRoute, so nothing registered later is missed). */
    readonly registeredRoutes: readonly RegisteredRoute[];
  }
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes,
    // Bodies are taken as sent: a string where a number belongs is an error, not something to coerce.
    // verbose: a refusal can explain a pattern by its schema's description (api/validation-errors.ts).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false, verbose: true } },
    trustProxy: deps.trustProxy.length > 0 ? deps.trustProxy : false,
    // A shutdown must not wait out keep-alive connections (up to 72 s): close them with the server.
    forceCloseConnections: true,
    // A load balancer's X-Request-Id is kept (one id across hops); otherwise a fresh one, unique across replicas.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    childLoggerFactory: requestChildLogger,
  });
  observeHttp(app, deps.metrics);
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema, config: route.config });
  });
  app.decorate('registeredRoutes', routes);
  app.decorate('errorStatus', errorStatus);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
  await registerOpenApi(app);
  const auth = authHandlers(deps.auth, deps.shop);
  const limits = await apiRateLimits(app, deps.rateLimiter, deps.rateLimits);
  const routeDeps: RouteDeps = {
    shop: deps.shop,
    auth,
    access: accessHooks(auth, limits),
    limits,
    verifiers: deps.verifiers,
    now: deps.auth.now,
    publicBaseUrl: deps.publicBaseUrl,
    catalogResponses: new CachedResponses(deps.catalogReads ?? null),
  };
  await app.register(healthRoutes, { checks: deps.readiness });
  // The API proper, limited per IP before anything else runs (health, metrics and docs are not limited).
  await app.register(async (api) => {
    api.addHook('onRequest', limits.perIp);
    for (const context of CONTEXT_ROUTES) await api.register(context.routes, routeDeps);
    await api.register(adminJobRoutes, { jobs: deps.jobs, access: routeDeps.access });
  });
  await app.register(metricsRoutes, { metrics: deps.metrics });
  for (const extra of deps.extraRoutes ?? []) await app.register(extra);
  return app;
}
