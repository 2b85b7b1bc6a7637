import { FastifyInstance } from 'fastify';
import { JobRunner } from '../../infrastructure/scheduling/job-runner';
import { AuthHandlers } from '../auth';

/** Admins see every job (schedule, last run on any instance, counters) and can run one now. */
export async function adminJobRoutes(app: FastifyInstance, opts: { jobs: JobRunner; auth: AuthHandlers }): Promise<void> {
  app.addHook('preHandler', opts.auth.admin);

  app.get('/v1/admin/jobs', async () => ({ items: await opts.jobs.statuses() }));

  app.post<{ Params: { name: string } }>(
    '/v1/admin/jobs/:name/run',
    { schema: { params: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } } } } },
    async (request, reply) => {
      const outcome = await opts.jobs.runNow(request.params.name);
      if (outcome === null)
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no job ${request.params.name}; jobs: ${opts.jobs.names().join(', ')}` } });
      if (!outcome.ran) return reply.code(409).send({ error: { code: 'JOB_BUSY', message: `${request.params.name} did not run: ${outcome.reason}` } });
      return reply
        .code(outcome.ok ? 200 : 500)
        .send({ job: request.params.name, ok: outcome.ok, result: outcome.result ?? {}, ...(outcome.error ? { error: outcome.error } : {}) });
    },
  );
}
