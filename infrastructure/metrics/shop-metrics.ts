import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The business events an order's life is counted by (tillbot_orders_total{event}). */
export const ORDER_EVENTS = ['placed', 'paid', 'delivered', 'closed', 'refunded'] as const;
export type OrderMetricEvent = (typeof ORDER_EVENTS)[number];

/**
 * Every metric the shop exports, on a registry of its own (one per composed App, so several shops in one process —
 * the tests — never share counters). Names are tillbot_*; process defaults (CPU, memory, event loop, GC) come too.
 * Nothing here queries anything on a hot path: counters are moved by observers, and the one database read (outbox
 * backlog) runs when Prometheus scrapes.
 */
export class ShopMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'tillbot_http_request_duration_seconds',
    help: 'HTTP requests by route pattern (never the raw URL), method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly orders = new Counter({
    name: 'tillbot_orders_total',
    help: 'Orders placed, paid, delivered, closed and refunded, by product kind and payment method (counted once committed).',
    labelNames: ['event', 'kind', 'method'] as const,
    registers: [this.registry],
  });

  readonly paymentNotifications = new Counter({
    name: 'tillbot_payment_notifications_total',
    help: 'Payment provider notifications, accepted (reason = what they did) or rejected (reason = why: a failed check or the domain refusing).',
    labelNames: ['result', 'reason'] as const,
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'tillbot_job_runs_total',
    help: 'Runs of each job on this instance.',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'tillbot_job_failures_total',
    help: 'Failed runs of each job on this instance.',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobSkipped = new Counter({
    name: 'tillbot_job_skipped_total',
    help: 'Fires this instance skipped (another instance had them, or coordination was down).',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'tillbot_job_duration_seconds',
    help: 'How long each job run took on this instance, by outcome.',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  readonly outboxHandled = new Counter({
    name: 'tillbot_outbox_handled_total',
    help: 'Outbox messages this instance handled, by topic and outcome (done, retry, dead).',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly broadcasts = new Counter({
    name: 'tillbot_broadcast_messages_total',
    help: 'Broadcast messages: sent, retried (to be tried again) or failed (given up).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly noticesSkipped = new Counter({
    name: 'tillbot_notices_skipped_total',
    help: 'Shopper notices not sent on a channel because the shopper cannot be reached there (no chat).',
    labelNames: ['channel', 'reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const result of ['sent', 'retried', 'failed']) this.broadcasts.inc({ result }, 0);
  }

  /** Jobs are known at start-up: their counters show 0 before the first run, so rate() works from the start. */
  registerJob(job: string): void {
    this.jobRuns.inc({ job }, 0);
    this.jobFailures.inc({ job }, 0);
    this.jobSkipped.inc({ job }, 0);
    for (const outcome of ['ok', 'failed']) this.jobDuration.zero({ job, outcome });
  }

  jobRan(job: string, ok: boolean, seconds: number): void {
    this.jobRuns.inc({ job });
    if (!ok) this.jobFailures.inc({ job });
    this.jobDuration.observe({ job, outcome: ok ? 'ok' : 'failed' }, seconds);
  }

  /**
   * A gauge computed at scrape time (prom-client calls `collect` then). A failing read leaves the gauge unset for
   * that scrape and sets tillbot_scrape_errors, rather than failing the whole /metrics answer.
   */
  scrapedGauge(name: string, help: string, labelNames: readonly string[], read: (gauge: Gauge) => Promise<void>): void {
    const errors = this.scrapeErrors;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await read(this);
        } catch {
          errors.inc({ metric: name });
        }
      },
    });
  }

  private readonly scrapeErrors = new Counter({
    name: 'tillbot_scrape_errors_total',
    help: 'Scrape-time reads that failed (e.g. the database did not answer), by metric.',
    labelNames: ['metric'] as const,
    registers: [this.registry],
  });

  contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
