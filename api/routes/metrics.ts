import { FastifyInstance } from 'fastify';
import { JobRunner } from '../../infrastructure/scheduling/job-runner';

export interface MetricsSource {
  jobs: JobRunner;
  outboxCounts(): Promise<Record<string, number>>;
}

/** Prometheus text format: job runs, failures and skips per job (this instance), outbox backlog (the cluster). */
export async function metricsRoutes(app: FastifyInstance, opts: MetricsSource): Promise<void> {
  const schema = {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    response: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } },
  };
  app.get('/metrics', { schema }, async (_request, reply) => {
    const lines: string[] = [];
    const metric = (name: string, help: string, type: string, rows: Array<[Record<string, string>, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of rows) {
        const l = Object.entries(labels)
          .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
          .join(',');
        lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
      }
    };
    const statuses = await opts.jobs.statuses();
    metric(
      'tillbot_job_runs_total',
      'Runs of each job on this instance.',
      'counter',
      statuses.map((s) => [{ job: s.name }, s.runs]),
    );
    metric(
      'tillbot_job_failures_total',
      'Failed runs of each job on this instance.',
      'counter',
      statuses.map((s) => [{ job: s.name }, s.failures]),
    );
    metric(
      'tillbot_job_skipped_total',
      'Fires this instance skipped (another instance had them, or coordination was down).',
      'counter',
      statuses.map((s) => [{ job: s.name }, s.skipped]),
    );
    try {
      const outbox = await opts.outboxCounts();
      metric(
        'tillbot_outbox_messages',
        'Outbox messages by status.',
        'gauge',
        Object.entries(outbox).map(([status, n]) => [{ status }, n]),
      );
    } catch {
      lines.push('# outbox counts unavailable: the database did not answer');
    }
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}
