import { randomBytes } from 'node:crypto';
import { BroadcastSend, StartBroadcast, broadcastSendTopic, readBroadcastSend } from '../../domain/messaging';
import { OutboxHandler, done, handle } from '../../domain/shared/outbox/outbox-handler';
import type { OutboxMessage } from '../../domain/shared/outbox/outbox-repository';
import type { DistributedLock } from '../../domain/shared/ports/distributed-lock';
import type { SessionStore } from '../../domain/shared/ports/session-store';
import type { DomainError, Result } from '../../domain/shared/result';
import type { Logger } from '../../infrastructure/logging/logger';
import { BroadcastBoard, BroadcastProgress } from './broadcast-progress';
import type { OutgoingSender } from './install-outgoing-queue';
import { provablyNotSent } from './sending-errors';
import { botApiErrorResponse, classifyFailure } from './telegram-failure';

export type { BroadcastProgress };

/** Sends one `broadcast.send` message: true once handled for good; a throw leaves it to the outbox's retry. */
export type BroadcastSender = (message: OutboxMessage) => Promise<boolean>;

/** The bot's handler of the messaging context's broadcast topic, registered with the outbox like any context's. */
export const broadcastSendHandler = (send: BroadcastSender): OutboxHandler =>
  handle(broadcastSendTopic, async (_payload, message) => {
    await send(message);
    return done;
  });

/** What starting a broadcast needs from the shop (the messaging context's `startBroadcast`). */
export interface BroadcastStarter {
  startBroadcast(cmd: StartBroadcast): Promise<Result<{ broadcastId: string; recipients: number }, DomainError<'VALIDATION_FAILED'>>>;
}

export interface BroadcastHandlerDeps {
  /** The installed queue's callApi: one paced send per message. */
  callApi: OutgoingSender['callApi'];
  lock: DistributedLock;
  /** Keeps a receipt per chat, so a message whose outbox lease lapsed mid-send is not sent again by another dispatcher. */
  sessions: SessionStore;
  logger: Logger;
  /** How long one message may wait in the queue before the outbox retries it later instead (default 45 s). */
  sendDeadlineMs?: number;
}

const board = new BroadcastBoard();
const RECEIPT_TTL_MS = 7 * 24 * 3600_000;

/** Short, unique, and safe inside callback data (`bc:ok:<id>` stays far below 64 bytes). */
export const newBroadcastId = (): string => `b${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * Queues `text` for every shopper. Pass the same broadcastId again (a retried or double-pressed confirmation) and
 * it is the same broadcast: nobody gets it twice.
 */
export async function startBroadcast(
  deps: { shop: BroadcastStarter },
  text: string,
  adminChatId: string | number,
  broadcastId: string = newBroadcastId(),
): Promise<Result<{ broadcastId: string; recipients: number }, DomainError<'VALIDATION_FAILED'>>> {
  const started = await deps.shop.startBroadcast({ text, adminId: String(adminChatId), broadcastId });
  if (started.ok) board.begin(started.value.broadcastId, started.value.recipients);
  return started;
}

/** Sent and failed so far, as counted by this process; null for a broadcast it has not seen. */
export function broadcastProgress(broadcastId: string): BroadcastProgress | null {
  return board.progress(broadcastId);
}

type Receipt = { outcome: 'sent' | 'failed'; reason?: string; at: string };

const receiptKey = (send: BroadcastSend): string => `broadcast:${send.broadcastId}:receipt:${send.chatId}`;

/** Telegram refused for good (blocked, chat gone, bad request) or the outcome is unknown: do not send again. */
function isFinalFailure(error: unknown): boolean {
  if (provablyNotSent(error)) return false;
  const answer = botApiErrorResponse(error);
  // 401/404: the bot itself is misconfigured (token); later attempts may succeed once it is fixed.
  if (answer) return answer.error_code !== 401 && answer.error_code !== 404 && answer.error_code !== 429 && answer.error_code < 500;
  return classifyFailure(error, false).kind !== 'transient';
}

/**
 * Sends one `broadcast.send` message through the queue. Returns true once the chat has its message or can never
 * get it (blocked the bot: counted as failed); throws when it was provably not sent (deadline, 5xx, no connection),
 * so the outbox tries again later. A 429 is waited out inside the queue.
 */
export function broadcastOutboxHandler(deps: BroadcastHandlerDeps): BroadcastSender {
  const deadlineMs = deps.sendDeadlineMs ?? 45_000;
  // The guard outlives the longest a send can take: its wait plus one attempt on the wire.
  const guardMs = deadlineMs + 2 * 60_000;
  return async (message: OutboxMessage): Promise<boolean> => {
    const send = readBroadcastSend(message.payload);
    if (!send) {
      deps.logger.error({ id: message.id, payload: message.payload }, 'broadcast: malformed message; skipped');
      return true;
    }
    const lease = await deps.lock.acquire(`broadcast:${send.broadcastId}:${send.chatId}`, guardMs);
    if (!lease) throw new Error(`broadcast ${send.broadcastId} to ${send.chatId} is being sent by another dispatcher right now`);
    try {
      if ((await deps.sessions.get(receiptKey(send))) !== undefined) return true;
      const outcome = await sendOnce(deps, send, deadlineMs);
      board.record(send.broadcastId, outcome.outcome);
      await deps.sessions.set(receiptKey(send), outcome, RECEIPT_TTL_MS).catch((error: unknown) => {
        deps.logger.warn(
          { err: error, broadcastId: send.broadcastId, chatId: send.chatId },
          'broadcast: could not store the receipt (the outbox still records the message as done)',
        );
      });
      return true;
    } finally {
      await lease.release().catch(() => false);
    }
  };
}

async function sendOnce(deps: BroadcastHandlerDeps, send: BroadcastSend, deadlineMs: number): Promise<Receipt> {
  try {
    await deps.callApi('sendMessage', { chat_id: send.chatId, text: send.text }, { deadlineMs });
    return { outcome: 'sent', at: new Date().toISOString() };
  } catch (error) {
    if (!isFinalFailure(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.info({ broadcastId: send.broadcastId, chatId: send.chatId, reason }, 'broadcast: chat not reached');
    return { outcome: 'failed', reason: reason.slice(0, 300), at: new Date().toISOString() };
  }
}
