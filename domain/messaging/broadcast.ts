import { DomainError, Result, ok } from '../shared/result';
import { ShopDeps } from '../shared/shop-deps';
import { invalid, text as validText } from '../shared/validation';

/** One outbox message per recipient: the outbox's unique dedupe key is what makes a broadcast once per chat. */
export const TOPIC_BROADCAST_SEND = 'broadcast.send';

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

/**
 * Queues the text for every shopper. Each batch commits on its own; a start that fails half-way (or is simply
 * retried with the same id) fills in what is missing and queues nothing twice. Returns how many shoppers it covers.
 */
export async function startBroadcast(
  deps: ShopDeps,
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
      const page = await tx.users.listIds(cursor, BROADCAST_BATCH_SIZE);
      const now = deps.clock.now();
      for (const chatId of page) {
        const payload: BroadcastSend = { broadcastId: cmd.broadcastId, chatId, text, adminId: cmd.adminId };
        await tx.outbox.add({ topic: TOPIC_BROADCAST_SEND, payload: { ...payload }, dedupeKey: broadcastDedupeKey(cmd.broadcastId, chatId) }, now);
      }
      return page;
    });
    recipients += ids.length;
    const last = ids[ids.length - 1];
    if (last === undefined || ids.length < BROADCAST_BATCH_SIZE) break;
    after = last;
  }
  return ok({ broadcastId: cmd.broadcastId, recipients });
}

/** Reads a `broadcast.send` payload back; null when it is not one (a message the handler cannot act on). */
export function readBroadcastSend(payload: Record<string, unknown>): BroadcastSend | null {
  const { broadcastId, chatId, text, adminId } = payload;
  if (typeof broadcastId !== 'string' || typeof chatId !== 'string' || typeof text !== 'string') return null;
  if (!BROADCAST_ID.test(broadcastId) || chatId === '' || text === '') return null;
  return { broadcastId, chatId, text, adminId: typeof adminId === 'string' ? adminId : '' };
}
