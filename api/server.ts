import Fastify, { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Shop } from '../domain/shop';
import { Logger } from '../infrastructure/logging/logger';
import { AuthSettings, authHandlers } from './auth';
import { errorHandler } from './errors';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { cartRoutes } from './routes/cart';
import { ReadinessCheck, healthRoutes } from './routes/health';
import { orderRoutes } from './routes/orders';
import { productRoutes } from './routes/products';
import { orderPaymentRoutes } from './routes/order-payments';
import { paymentNotificationRoutes } from './routes/payment-notifications';
import { adminJobRoutes } from './routes/admin-jobs';
import { metricsRoutes } from './routes/metrics';
import { JobRunner } from '../jobs/job-runner';

export interface ApiDeps {
  shop: Shop;
  auth: AuthSettings;
  readiness: ReadinessCheck[];
  logger: Logger;
  bodyLimitBytes: number;
  jobs: JobRunner;
  outboxCounts(): Promise<Record<string, number>>;
  /** Routes other parts add to the same server (payment notifications, the bot's webhook). */
  extraRoutes?: Array<(app: FastifyInstance) => Promise<void>>;
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes,
    // Bodies are taken as sent: a string where a number belongs is an error, not something to coerce.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    trustProxy: true,
    // A shutdown must not wait out keep-alive connections (up to 72 s): close them with the server.
    forceCloseConnections: true,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
  const auth = authHandlers(deps.auth, deps.shop);
  await app.register(healthRoutes, { checks: deps.readiness });
  await app.register(productRoutes, { shop: deps.shop });
  await app.register(cartRoutes, { shop: deps.shop, auth });
  await app.register(orderRoutes, { shop: deps.shop, auth });
  await app.register(orderPaymentRoutes, { shop: deps.shop, auth });
  await app.register(paymentNotificationRoutes, { shop: deps.shop });
  await app.register(accountRoutes, { shop: deps.shop, auth });
  await app.register(adminRoutes, { shop: deps.shop, auth });
  await app.register(adminJobRoutes, { jobs: deps.jobs, auth });
  await app.register(metricsRoutes, { jobs: deps.jobs, outboxCounts: deps.outboxCounts });
  for (const extra of deps.extraRoutes ?? []) await app.register(extra);
  return app;
}
