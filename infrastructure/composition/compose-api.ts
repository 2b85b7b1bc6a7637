import { FastifyInstance } from 'fastify';
import { ApiDeps, buildApi } from '../../api/server';
import { App } from './compose-app';

/** The HTTP API over a composed App: one place for main.ts and the tests to build it the same way. */
export function buildShopApi(app: App, extraRoutes: ApiDeps['extraRoutes'] = [], now: () => Date = () => new Date()): Promise<FastifyInstance> {
  const { config } = app;
  return buildApi({
    shop: app.shop,
    verifiers: app.payments.verifiers,
    auth: { botToken: config.telegramBotToken, adminApiKey: app.adminApiKey, initDataMaxAgeSeconds: config.initDataMaxAgeSeconds, now },
    readiness: [
      { name: 'database', check: () => app.persistence.ping() },
      ...(app.redis.backend === 'redis' ? [{ name: 'redis', check: () => app.redis.ping() }] : []),
    ],
    logger: app.logger,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    publicBaseUrl: config.publicUrl ?? `http://127.0.0.1:${config.port}`,
    jobs: app.jobs,
    metrics: app.metrics,
    rateLimiter: app.redis.rateLimiter,
    rateLimits: config.rateLimits,
    catalogReads: app.persistence.catalogReads,
    extraRoutes,
  });
}
