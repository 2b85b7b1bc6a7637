import { FastifyInstance } from 'fastify';
import { ShopMetrics } from '../../infrastructure/metrics/shop-metrics';

/** Prometheus text format: requests, orders, notifications, jobs, outbox, broadcasts, process defaults. */
export async function metricsRoutes(app: FastifyInstance, opts: { metrics: ShopMetrics }): Promise<void> {
  app.get('/metrics', async (_request, reply) => reply.type(opts.metrics.contentType()).send(await opts.metrics.text()));
}
