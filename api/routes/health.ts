import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean>;
}

/** Liveness says the process answers; readiness says its database (and Redis, when configured) answer too. */
export async function healthRoutes(app: FastifyInstance, opts: { checks: ReadinessCheck[] }): Promise<void> {
  const ops = { tags: ['operations'] };
  app.get(
    '/healthz',
    { schema: { ...ops, summary: 'Liveness: the process answers', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  const Readiness = Type.Object({
    status: Type.String({ description: 'ready or unavailable' }),
    checks: Type.Record(Type.String(), Type.String({ description: 'up or down' }), { examples: [{ database: 'up', redis: 'up' }] }),
  });
  app.get(
    '/readyz',
    { schema: { ...ops, summary: 'Readiness: the database (and Redis, when configured) answer', response: { 200: Readiness, 503: Readiness } } },
    async (_request, reply) => {
      const results = await Promise.all(
        opts.checks.map(async (c) => {
          try {
            return [c.name, await withTimeout(c.check(), 2000)] as const;
          } catch {
            return [c.name, false] as const;
          }
        }),
      );
      const ready = results.every(([, ok]) => ok);
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results.map(([n, ok]) => [n, ok ? 'up' : 'down'])) });
    },
  );
}

function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}
