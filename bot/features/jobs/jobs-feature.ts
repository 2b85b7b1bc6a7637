import { on, defineFeature } from '../../routing/feature';
import { runJob, showJobs } from './jobs';
import { jobsActions } from './jobs-actions';

export const jobsFeature = defineFeature({
  name: 'jobs',
  actions: [on(jobsActions.jobs, (ctx, svc) => showJobs(ctx, svc)), on(jobsActions.runJob, (ctx, svc, a) => runJob(ctx, svc, a.name))],
  adminCommands: { jobs: (ctx, svc) => showJobs(ctx, svc) },
});
