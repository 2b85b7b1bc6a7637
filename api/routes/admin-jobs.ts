import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { JobRunner } from '../../infrastructure/scheduling/job-runner';
import { Access } from '../context-routes';
import { DateTime, ErrorBody, Nullable, SECURITY, errorResponses } from '../schemas/common';

const Counters = Type.Record(Type.String(), Type.Number(), { description: "the job's own counters, e.g. { checked, paid }" });

const JobStatus = Type.Object({
  name: Type.String(),
  schedule: Type.String({ description: 'cron expression' }),
  runs: Type.Integer({ description: 'on this instance' }),
  failures: Type.Integer(),
  skipped: Type.Integer({ description: 'fires another instance had, or skipped while coordination was down' }),
  running: Type.Boolean(),
  lastRun: Nullable(
    Type.Object({
      startedAt: DateTime(),
      finishedAt: DateTime(),
      ok: Type.Boolean(),
      result: Type.Optional(Counters),
      error: Type.Optional(Type.String()),
      trigger: Type.String({ description: 'schedule or manual' }),
      instance: Type.String(),
    }),
  ),
  nextRunAt: Nullable(DateTime()),
});

const JobRun = Type.Object({ job: Type.String(), ok: Type.Boolean(), result: Counters, error: Type.Optional(Type.String()) });

/** Admins see every job (schedule, last run on any instance, counters) and can run one now. */
export async function adminJobRoutes(instance: FastifyInstance, opts: { jobs: JobRunner; access: Access }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.get(
    '/v1/admin/jobs',
    {
      onRequest: opts.access.admin,
      schema: { ...admin, summary: 'Every repair job and its last run', response: { 200: Type.Object({ items: Type.Array(JobStatus) }), ...errorResponses } },
    },
    async () => ({ items: await opts.jobs.statuses() }),
  );

  app.post(
    '/v1/admin/jobs/:name/run',
    {
      onRequest: opts.access.admin,
      schema: {
        ...admin,
        summary: 'Run a job now',
        description: '409 when it is running already (here or on another instance); 500 with the error when the run failed.',
        params: Type.Object({ name: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'a job name, e.g. repair-dropped-payments' }) }),
        response: { 200: JobRun, 500: JobRun, ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await opts.jobs.runNow(request.params.name);
      if (outcome === null) {
        const body: ErrorBody = { error: { code: 'NOT_FOUND', message: `no job ${request.params.name}; jobs: ${opts.jobs.names().join(', ')}` } };
        return reply.code(404).send(body);
      }
      if (!outcome.ran) {
        const body: ErrorBody = { error: { code: 'JOB_BUSY', message: `${request.params.name} did not run: ${outcome.reason}` } };
        return reply.code(409).send(body);
      }
      return reply
        .code(outcome.ok ? 200 : 500)
        .send({ job: request.params.name, ok: outcome.ok, result: outcome.result ?? {}, ...(outcome.error ? { error: outcome.error } : {}) });
    },
  );
}
