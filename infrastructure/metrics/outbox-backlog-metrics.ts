import { Clock } from '../../domain/shared/clock';
import { OutboxBacklog } from '../persistence/outbox/outbox-backlog';
import { ShopMetrics } from './shop-metrics';

/**
 * The outbox as an operator watches it, read when Prometheus scrapes (never on a request): how late the oldest due
 * message is (0 when nothing is due — a healthy shop), and how many are pending or dead. DONE rows are never counted.
 */
export function watchOutboxBacklog(metrics: ShopMetrics, read: (now: Date) => Promise<OutboxBacklog>, clock: Clock): void {
  // Two gauges from one read: prom-client collects a scrape's metrics at once, so they share the read in flight.
  let inFlight: Promise<OutboxBacklog> | null = null;
  const backlog = (): Promise<OutboxBacklog> =>
    (inFlight ??= read(clock.now()).finally(() => {
      inFlight = null;
    }));
  metrics.scrapedGauge(
    'tillbot_outbox_lag_seconds',
    'How long the oldest due PENDING outbox message has waited past its due time (0 = none due).',
    [],
    async (gauge) => {
      const { oldestDueAt } = await backlog();
      gauge.set(oldestDueAt ? Math.max(0, (clock.now().getTime() - oldestDueAt.getTime()) / 1000) : 0);
    },
  );
  metrics.scrapedGauge('tillbot_outbox_messages', 'Outbox messages waiting (PENDING) or given up (DEAD), cluster-wide.', ['status'], async (gauge) => {
    const { pending, dead } = await backlog();
    gauge.set({ status: 'PENDING' }, pending);
    gauge.set({ status: 'DEAD' }, dead);
  });
}
