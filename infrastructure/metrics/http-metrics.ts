import { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { ChildLoggerOptions } from 'fastify/types/logger';
import { markReqIdBound, noteOrderNo, withLogContext } from '../logging/log-context';
import { ShopMetrics } from './shop-metrics';

/**
 * Fastify's per-request logger, marked as carrying reqId itself (its bindings), so the log-context mixin does not add
 * it twice. Passed as the server's `childLoggerFactory`.
 */
export const requestChildLogger = (logger: FastifyBaseLogger, bindings: Record<string, unknown>, options: ChildLoggerOptions): FastifyBaseLogger =>
  markReqIdBound(logger.child(bindings, options));

/**
 * On the root instance, before any route: every request runs in a log context with its id (so the lines written by
 * the persistence logger or the domain's log carry it too) and the order number of an `:orderNo` route; every answer
 * is timed by route pattern — `routeOptions.url`, never the raw URL, which would make a series per order number.
 */
export function observeHttp(app: FastifyInstance, metrics: ShopMetrics): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    withLogContext({ reqId: request.id }, done);
  });
  // Callback hooks, not async ones: they run on every request and have nothing to wait for (a promise each, saved).
  app.addHook('preHandler', (request, _reply, done) => {
    const params = request.params as Record<string, unknown> | undefined;
    if (typeof params?.orderNo === 'string') noteOrderNo(params.orderNo);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
