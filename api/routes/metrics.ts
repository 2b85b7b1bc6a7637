import { FastifyInstance } from 'fastify';
import { ShopMetrics } from '../../infrastructure/metrics/shop-metrics';

/** Prometheus text format: requests, orders, notifications, jobs, outbox, broadcasts, process defaults. */
export async function metricsRoutes(app: FastifyInstance, opts: { metrics: ShopMetrics }): Promise<void> {
  const schema = {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    response: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } },
  };
  app.get('/metrics', { schema }, async (_request, reply) => reply.type(opts.metrics.contentType()).send(await opts.metrics.text()));
}
