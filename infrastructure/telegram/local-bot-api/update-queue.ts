import { randomInt } from 'node:crypto';
import { BotApiError, conflict } from './bot-api-error';
import { OPT_IN_UPDATE_TYPES, type TgUpdate, UPDATE_TYPES, type UpdateType } from './bot-api-types';
import type { JsonParam } from './request-params';

export const LONG_POLL_MAX_TIMEOUT_SECONDS = 50;
const BATCH_DELAY_MS = 10;
const REPEAT_POLL_MIN_TIMEOUT_SECONDS = 3;
const CONFLICT_SPACING_MS = 3000;

const DEFAULT_ALLOWED: ReadonlySet<UpdateType> = new Set(UPDATE_TYPES.filter((t) => !OPT_IN_UPDATE_TYPES.includes(t)));

interface HeldPoll {
  offset: number;
  limit: number;
  resolve: (updates: TgUpdate[]) => void;
  reject: (error: BotApiError) => void;
  timer: NodeJS.Timeout;
  wake?: NodeJS.Timeout;
}

/**
 * One bot's pending updates and its long poll, with the Bot API server's rules:
 * - an update whose type is not currently allowed is dropped when it happens, not when it is read;
 * - `offset` confirms (forgets) every earlier update; a negative offset counts from the end; an offset
 *   beyond the newest update reads from the oldest one instead;
 * - only one getUpdates may wait: a newer one ends the waiting one with 409 Conflict;
 * - repeating the same offset with a timeout under 3 s within 3 s is held for 3 s, so a client that
 *   forgets `timeout` cannot spin;
 * - conflict answers are spaced at least 3 s apart.
 */
export class UpdateQueue {
  private items: TgUpdate[] = [];
  private nextId = randomInt(100_000_000, 900_000_000);
  private allowed: ReadonlySet<UpdateType> = DEFAULT_ALLOWED;
  private held?: HeldPoll;
  private lastPollOffset?: number;
  private lastPollStartedAt = Number.NEGATIVE_INFINITY;
  private nextConflictAt = 0;
  private readonly delayedConflicts = new Map<NodeJS.Timeout, () => void>();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  onAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(type: UpdateType, payload: unknown): TgUpdate | undefined {
    if (this.closed || !this.allowed.has(type)) return undefined;
    const update: TgUpdate = { update_id: this.nextId++, [type]: payload };
    this.items.push(update);
    if (this.held && !this.held.wake) {
      const held = this.held;
      held.wake = setTimeout(() => this.finish(held), BATCH_DELAY_MS);
    }
    for (const listener of [...this.listeners]) listener();
    return update;
  }

  pendingCount(): number {
    return this.items.length;
  }

  peek(): TgUpdate | undefined {
    return this.items[0];
  }

  remove(updateId: number): void {
    this.items = this.items.filter((u) => u.update_id !== updateId);
  }

  clear(): void {
    this.items = [];
  }

  allowedUpdates(): UpdateType[] {
    return UPDATE_TYPES.filter((t) => this.allowed.has(t));
  }

  /** `allowed_updates` as the server reads it: unreadable values change nothing, no known type means the default. */
  applyAllowedUpdates(param: JsonParam): void {
    if (param.kind !== 'value' || !Array.isArray(param.value)) return;
    if (param.value.some((name) => typeof name !== 'string')) return;
    const known = new Set<UpdateType>();
    for (const name of param.value as string[]) {
      const type = UPDATE_TYPES.find((t) => t === name.toLowerCase());
      if (type) known.add(type);
    }
    this.allowed = known.size > 0 ? known : DEFAULT_ALLOWED;
  }

  async poll(offset: number, limit: number, requestedTimeout: number, signal: AbortSignal): Promise<TgUpdate[]> {
    const now = Date.now();
    let timeout = requestedTimeout;
    if (offset === this.lastPollOffset && timeout < REPEAT_POLL_MIN_TIMEOUT_SECONDS && now < this.lastPollStartedAt + REPEAT_POLL_MIN_TIMEOUT_SECONDS * 1000) {
      timeout = REPEAT_POLL_MIN_TIMEOUT_SECONDS;
    }
    this.lastPollOffset = offset;
    this.lastPollStartedAt = now;
    const ready = this.read(offset, limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return ready;
    this.endHeldPoll(conflict('terminated by other getUpdates request; make sure that only one bot instance is running'));
    return new Promise<TgUpdate[]>((resolve, reject) => {
      const held: HeldPoll = { offset, limit, resolve, reject, timer: setTimeout(() => this.finish(held), timeout * 1000) };
      this.held = held;
      signal.addEventListener('abort', () => this.drop(held), { once: true });
    });
  }

  /** Ends a waiting getUpdates with a conflict (another getUpdates, or setWebhook, took over). */
  endHeldPoll(error: BotApiError): void {
    const held = this.held;
    if (!held) return;
    this.drop(held);
    void this.conflict(error).catch(held.reject);
  }

  /** A conflict answer, spaced like the real server spaces them. */
  conflict(error: BotApiError): Promise<never> {
    const now = Date.now();
    if (now >= this.nextConflictAt || this.closed) {
      this.nextConflictAt = now + CONFLICT_SPACING_MS;
      return Promise.reject(error);
    }
    return new Promise<never>((_resolve, reject) => {
      const timer = setTimeout(() => {
        this.delayedConflicts.delete(timer);
        reject(error);
      }, CONFLICT_SPACING_MS);
      this.delayedConflicts.set(timer, () => reject(error));
    });
  }

  /** Answers whatever waits, now, and refuses to hold anything again. */
  shutdown(): void {
    this.closed = true;
    if (this.held) this.finish(this.held);
    for (const [timer, fire] of this.delayedConflicts) {
      clearTimeout(timer);
      fire();
    }
    this.delayedConflicts.clear();
  }

  private read(offset: number, limit: number): TgUpdate[] {
    const head = this.items[0]?.update_id ?? this.nextId;
    let from = offset;
    if (offset <= 0) {
      if (offset < 0 && this.items.length > 0) from = offset + this.nextId;
      from = Math.max(from, head);
    } else if (offset > this.nextId) {
      from = head;
    }
    this.items = this.items.filter((u) => u.update_id >= from);
    return this.items.slice(0, limit);
  }

  private finish(held: HeldPoll): void {
    if (this.held !== held) return;
    this.drop(held);
    held.resolve(this.read(held.offset, held.limit));
  }

  private drop(held: HeldPoll): void {
    clearTimeout(held.timer);
    if (held.wake) clearTimeout(held.wake);
    if (this.held === held) this.held = undefined;
  }
}
