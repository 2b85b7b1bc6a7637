import { HandlerOutcome, done, retry } from '../shared/outbox/outbox-handler';
import { RelayMessage } from './relay-topics';
import { SupportDeps } from './support-deps';

/** Long enough for a ticket's backlog to go out through a paced chat queue; a relay that dies frees it by expiry. */
const RELAY_LEASE_MS = 120_000;
/** A ticket written to faster than it is relayed still lets the relay end; the rest goes with the next message's relay. */
const MAX_ROUNDS = 5;

/**
 * Relays a stored message and every other one of its ticket still waiting, in the order they were written, one
 * ticket at a time (a lock per ticket): a conversation kept while Telegram was down arrives whole and in order.
 * Each message is marked relayed once it arrived, so a retry sends only what is left.
 */
export async function relayTicketMessages(deps: SupportDeps, job: RelayMessage): Promise<HandlerOutcome> {
  const lease = await deps.lock.acquire(`support:relay:${job.ticketId}`, RELAY_LEASE_MS);
  if (!lease) return retry(`ticket ${job.ticketId} is being relayed by another dispatcher`);
  try {
    // Everything the ticket has waiting, not only this message: the messages written meanwhile (whose own relays
    // found the lock taken) go out now, in order, instead of after their retry's backoff. Read again until none is left.
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const found = await deps.uow.read(async (r) => {
        const ticket = await r.tickets.findById(job.ticketId);
        return ticket ? { ticket, pending: await r.ticketMessages.pendingRelay(job.ticketId, Number.MAX_SAFE_INTEGER) } : null;
      });
      if (!found || found.pending.length === 0) return done;
      let ticket = found.ticket;
      for (const message of found.pending) {
        if (message.direction === 'to_staff' && ticket.threadId === null) {
          const threadId = await deps.supportRelay.openThread(ticket, message);
          if (threadId !== null) {
            const kept = await deps.uow.run((tx) => tx.tickets.setThread(ticket.id, threadId));
            // Another relay made a topic first (its lease lapsed mid-call): use the one the ticket holds.
            const current = kept ? { ...ticket, threadId } : await deps.uow.read((r) => r.tickets.findById(ticket.id));
            if (current) ticket = current;
          }
        }
        const outcome =
          message.direction === 'to_staff' ? await deps.supportRelay.toStaff(ticket, message) : await deps.supportRelay.toShopper(ticket, message);
        if (outcome === 'thread-gone' && ticket.threadId !== null) {
          // Staff deleted the topic: forget it and start over; the next round makes a new topic for what is left.
          const gone = ticket.threadId;
          await deps.uow.run((tx) => tx.tickets.dropThread(ticket.id, gone));
          break;
        }
        // 'unreachable' (the shopper blocked the bot) is final too: the message stays in the history either way.
        await deps.uow.run((tx) => tx.ticketMessages.markRelayed(message.id, deps.clock.now()));
      }
    }
    return done;
  } finally {
    await lease.release().catch(() => false);
  }
}
