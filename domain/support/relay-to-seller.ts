import { HandlerOutcome, done, giveUp } from '../shared/outbox/outbox-handler';
import { RelayMessage } from './relay-topics';
import { SupportDeps } from './support-deps';

/**
 * Carries one line of a seller's ticket to that seller's chat (the `support.seller-relay` topic). A throw from the
 * port is "not now" (the outbox retries); a seller the bot cannot reach keeps the line in the history only.
 */
export async function relayToSeller(deps: SupportDeps, job: RelayMessage): Promise<HandlerOutcome> {
  const found = await deps.uow.read(async (r) => {
    const [ticket, message] = await Promise.all([r.tickets.findById(job.ticketId), r.ticketMessages.findById(job.messageId)]);
    return ticket && message ? { ticket, message } : null;
  });
  if (!found || found.ticket.sellerId === null) return giveUp(`ticket ${job.ticketId} has no seller or no message ${job.messageId}`);
  await deps.supportRelay.toSeller(found.ticket, found.message);
  return done;
}

/** Copies a seller's line to staff (the `support.staff-copy` topic), where the desk's own relay does not take it. */
export async function copyToStaff(deps: SupportDeps, job: RelayMessage): Promise<HandlerOutcome> {
  const found = await deps.uow.read(async (r) => {
    const [ticket, message] = await Promise.all([r.tickets.findById(job.ticketId), r.ticketMessages.findById(job.messageId)]);
    return ticket && message ? { ticket, message } : null;
  });
  if (!found) return giveUp(`no ticket ${job.ticketId} or no message ${job.messageId}`);
  await deps.supportRelay.toStaff(found.ticket, found.message);
  return done;
}
