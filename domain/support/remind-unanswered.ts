import { adminNotice } from '../messaging';
import { SupportDeps } from './support-deps';

export interface RemindReport {
  due: number;
  reminded: number;
}

/**
 * Tells the admins about tickets whose shopper has waited longer than SUPPORT_REMIND_AFTER_MINUTES for staff: once
 * per ticket per waiting period (the mark and the notice commit together; the shopper's next message after a staff
 * reply starts a new period).
 */
export async function remindUnanswered(deps: SupportDeps, batch: number): Promise<RemindReport> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.support.remindAfterMs);
  const due = await deps.uow.read((r) => r.tickets.findUnansweredSince(cutoff, batch));
  let reminded = 0;
  for (const ticket of due) {
    const since = ticket.waitingSince;
    if (since === null) continue;
    const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
    const marked = await deps.uow.run(async (tx) => {
      if (!(await tx.tickets.markReminded(ticket.id, since))) return false;
      const detail = `#${ticket.id} · ${minutes} min${ticket.orderNo ? ` · ${ticket.orderNo}` : ''}${ticket.assignee ? ` · @${ticket.assignee}` : ''}`;
      await tx.outbox.enqueue([adminNotice({ event: 'SUPPORT_UNANSWERED', detail }, `support:${ticket.id}:${since.getTime()}`)], now);
      return true;
    });
    if (marked) reminded += 1;
  }
  return { due: due.length, reminded };
}
