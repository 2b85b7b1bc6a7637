import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { jobButtonFits } from '../../callback-data';
import { formatTime } from '../../format/time';
import { button, inlineKeyboard } from '../../ui/keyboard';
import { answer, reply } from '../../ui/replies';

const describeResult = (result: Record<string, number> | undefined): string =>
  result && Object.keys(result).length > 0
    ? Object.entries(result)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : '';

const when = (iso: string | null, offset: number): string => {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? formatTime(at, offset, { withZone: false }) : '—';
};

export async function showJobs(ctx: BotContext, svc: BotServices): Promise<void> {
  const { t } = ctx;
  const statuses = await svc.jobs.statuses();
  await answer(ctx);
  if (statuses.length === 0) {
    await reply(ctx, t('jobsEmpty'));
    return;
  }
  const offset = svc.settings.utcOffsetMinutes;
  const lines = [t('jobsTitle')];
  for (const job of statuses) {
    const run = job.lastRun;
    const last = !run
      ? t('jobNever')
      : run.ok
        ? t('jobLastOk', { at: when(run.finishedAt, offset), result: describeResult(run.result) })
        : t('jobLastFailed', { at: when(run.finishedAt, offset), error: run.error ?? '' });
    lines.push(t('jobLine', { name: job.name, schedule: job.schedule, last, next: when(job.nextRunAt, offset) }));
  }
  const rows = statuses.filter((j) => jobButtonFits(j.name)).map((j) => [button(`▶️ ${j.name}`, { k: 'runJob', name: j.name })]);
  await reply(ctx, lines.join('\n'), inlineKeyboard(rows));
}

/** "Run now": the job runner still keeps one run at a time across instances; a busy job says so. */
export async function runJob(ctx: BotContext, svc: BotServices, name: string): Promise<void> {
  const { t } = ctx;
  await answer(ctx);
  const outcome = await svc.jobs.runNow(name);
  if (outcome === null) {
    await reply(ctx, t('jobUnknown', { name }));
    return;
  }
  if (!outcome.ran) await reply(ctx, t('jobNotRun', { name, reason: outcome.reason ?? '' }));
  else if (outcome.ok) await reply(ctx, t('jobRanOk', { name, result: describeResult(outcome.result) || 'ok' }));
  else await reply(ctx, t('jobRanFailed', { name, error: outcome.error ?? '' }));
}
