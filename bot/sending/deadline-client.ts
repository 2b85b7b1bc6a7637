import { Telegram } from 'telegraf';
import type { OutgoingSender } from './install-outgoing-queue';

/**
 * A notice sent from the outbox runs under the message's lease (60 s): a call still waiting in the queue after
 * that could be sent again by another dispatcher that took the lease over. So the outbox's calls give up unsent
 * after this long; the attempt on the wire (attemptTimeoutMs, 30 s) still fits inside the lease, and the outbox
 * tries the notice again later while Telegram is unreachable instead of holding its run for ten minutes.
 */
export const OUTBOX_SEND_DEADLINE_MS = 20_000;

type CallApi = Telegram['callApi'];

/** A client of its own for calls that must give up early: every call goes through the bot's queue with the deadline. */
export function clientWithSendDeadline(telegram: Telegram, sender: OutgoingSender, deadlineMs: number): Telegram {
  const client = new Telegram(telegram.token, telegram.options);
  const call = (method: string, payload: unknown, options: { signal?: AbortSignal } = {}): Promise<unknown> =>
    sender.callApi(method, (payload ?? {}) as Record<string, unknown>, { deadlineMs, ...(options.signal ? { signal: options.signal } : {}) });
  client.callApi = call as unknown as CallApi;
  return client;
}
