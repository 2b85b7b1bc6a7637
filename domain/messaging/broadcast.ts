import { defineTopic } from '../shared/outbox/topic';
import { DomainError, Result, ok } from '../shared/result';
import { invalid, text as validText } from '../shared/validation';
import { MessagingDeps } from './messaging-deps';

/** Telegram's limit for a message text. */
export const MAX_BROADCAST_TEXT = 4096;

/** Recipients enqueued per transaction: big enough to be quick, small enough not to hold locks for long. */
export const BROADCAST_BATCH_SIZE = 500;

const BROADCAST_ID = /^[A-Za-z0-9_-]{1,40}$/;

export interface StartBroadcast {
  text: string;
  /** Who asked for it (the admin's Telegram id), kept on every message for the record. */
  adminId: string;
  /** Chosen by the caller so that a retried or double-confirmed start is the same broadcast, not a second one. */
  broadcastId: string;
}

/** The payload of one `broadcast.send` message. */
export interface BroadcastSend {
  broadcastId: string;
  chatId: string;
  text: string;
  adminId: string;
}

export const broadcastDedupeKey = (broadcastId: string, chatId: string): string => `broadcast:${broadcastId}:${chatId}`;

/** Reads a `broadcast.send` payload back; null when it is not one (a message the handler cannot act on). */
export function readBroadcastSend(payload: Readonly<Record<string, unknown>>): BroadcastSend | null {
  const { broadcastId, chatId, text, adminId } = payload;
  if (typeof broadcastId !== 'string' || typeof chatId !== 'string' || typeof text !== 'string') return null;
  if (!BROADCAST_ID.test(broadcastId) || chatId === '' || text === '') return null;
  return { broadcastId, chatId, text, adminId: typeof adminId === 'string' ? adminId : '' };
}

/**
 * One outbox message per recipient: the outbox's unique dedupe key is what makes a broadcast once per chat. The
 * bot sends them (its handler is registered like any context's).
 */
export const broadcastSendTopic = defineTopic<BroadcastSend>('broadcast.send', readBroadcastSend);

/**
 * Queues the text for every shopper. Each batch commits on its own; a start that fails half-way (or is simply
 * retried with the same id) fills in what is missing and queues nothing twice. Returns how many shoppers it covers.
 */
export async function startBroadcast(
  deps: Pick<MessagingDeps, 'uow' | 'clock'>,
  cmd: StartBroadcast,
): Promise<Result<{ broadcastId: string; recipients: number }, DomainError<'VALIDATION_FAILED'>>> {
  const checked = validText('text', cmd.text, 1, MAX_BROADCAST_TEXT);
  if (!checked.ok) return checked;
  // Astral characters (emoji) count twice in UTF-16; refusing here is cheaper than 4096 refusals from Telegram.
  if (checked.value.length > MAX_BROADCAST_TEXT) return invalid('text', `must be at most ${MAX_BROADCAST_TEXT} characters (emoji count as two)`);
  if (!BROADCAST_ID.test(cmd.broadcastId)) return invalid('broadcastId', 'must be 1-40 characters of A-Za-z0-9_-');
  if (typeof cmd.adminId !== 'string' || cmd.adminId.trim() === '') return invalid('adminId', 'must not be empty');
  const text = checked.value;
  let after: string | null = null;
  let recipients = 0;
  for (;;) {
    const cursor: string | null = after;
    const ids = await deps.uow.run(async (tx) => {
      const page = await tx.recipients.listIds(cursor, BROADCAST_BATCH_SIZE);
      const messages = page.map((chatId) =>
        broadcastSendTopic.message({ broadcastId: cmd.broadcastId, chatId, text, adminId: cmd.adminId }, broadcastDedupeKey(cmd.broadcastId, chatId)),
      );
      if (messages.length > 0) await tx.outbox.enqueue(messages, deps.clock.now());
      return page;
    });
    recipients += ids.length;
    const last = ids[ids.length - 1];
    if (last === undefined || ids.length < BROADCAST_BATCH_SIZE) break;
    after = last;
  }
  return ok({ broadcastId: cmd.broadcastId, recipients });
}
