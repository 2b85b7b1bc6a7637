import { SalesSummary } from '../ordering';
import { ReportingDeps } from './reporting-deps';

export interface SalesStats {
  currency: string;
  today: SalesSummary;
  last7Days: SalesSummary;
}

const DAY_MS = 86_400_000;

/**
 * Today (since midnight in the shop's time zone, given as a UTC offset in minutes — CNY shops count days in
 * Beijing time) and the last 7 days including today.
 */
export async function salesStats(deps: ReportingDeps, utcOffsetMinutes: number, top = 5): Promise<SalesStats> {
  const now = deps.clock.now();
  const local = now.getTime() + utcOffsetMinutes * 60_000;
  const midnight = new Date(local - (local % DAY_MS) - utcOffsetMinutes * 60_000);
  const weekStart = new Date(midnight.getTime() - 6 * DAY_MS);
  const end = new Date(now.getTime() + 1);
  const [today, last7Days] = await deps.uow.read(async (tx) => [
    await tx.orders.salesSummary(midnight, end, top),
    await tx.orders.salesSummary(weekStart, end, top),
  ]);
  return { currency: deps.limits.currency, today, last7Days };
}
