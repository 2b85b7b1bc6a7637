import { CorruptionKind } from './sandbox-records';

export type SandboxOperation = 'create' | 'query' | 'close' | 'refund' | 'queryRefund' | 'certificates';
export const SANDBOX_OPERATIONS: ReadonlyArray<SandboxOperation> = ['create', 'query', 'close', 'refund', 'queryRefund', 'certificates'];
export const CORRUPTION_KINDS: ReadonlyArray<CorruptionKind> = ['signature', 'ciphertext', 'serial'];

/** An injected failure: an error reply, or a request that is never answered (for client timeouts). */
export type InjectedFailure = { status: number; code: string; message?: string } | { hang: true };

export interface KnobState {
  dropNotifications: number;
  duplicateNotifications: number;
  delayNotificationsMs: number;
  corruptNotifications: Array<{ kind: CorruptionKind; remaining: number }>;
  failures: Record<SandboxOperation, Array<{ failure: InjectedFailure; remaining: number }>>;
}

const positiveInt = (n: number, what: string, min: number): number => {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}`);
  return n;
};

/** Fault injection for demos and tests: every knob is counted down as the gateway consumes it. */
export class SandboxKnobs {
  private drop = 0;
  private duplicate = 1;
  private delayMs = 0;
  private corrupt: Array<{ kind: CorruptionKind; remaining: number }> = [];
  private failures = new Map<SandboxOperation, Array<{ failure: InjectedFailure; remaining: number }>>();

  /** The next `count` notifications are lost entirely: never sent, never retried (the shop must query). */
  dropNotifications(count: number): void {
    this.drop += positiveInt(count, 'count', 0);
  }

  /** Every delivery attempt is sent `times` times at once (1 = normal). */
  duplicateNotifications(times: number): void {
    this.duplicate = positiveInt(times, 'times', 1);
  }

  /** Each new notification waits this long before its first attempt. */
  delayNotifications(ms: number): void {
    this.delayMs = positiveInt(ms, 'ms', 0);
  }

  /** The next `count` delivery attempts are forged this way; the retry schedule then sends genuine ones. */
  corruptNotifications(count: number, kind: CorruptionKind): void {
    if (!CORRUPTION_KINDS.includes(kind)) throw new RangeError(`kind must be one of ${CORRUPTION_KINDS.join(', ')}`);
    if (positiveInt(count, 'count', 0) > 0) this.corrupt.push({ kind, remaining: count });
  }

  /** The next `count` calls of `operation` (after signature checks) fail this way instead of being served. */
  failNext(operation: SandboxOperation, count: number, failure: InjectedFailure): void {
    if (!SANDBOX_OPERATIONS.includes(operation)) throw new RangeError(`operation must be one of ${SANDBOX_OPERATIONS.join(', ')}`);
    if (!('hang' in failure)) {
      positiveInt(failure.status, 'status', 400);
      if (failure.status > 599) throw new RangeError(`status must be 400-599, got ${failure.status}`);
      if (!failure.code) throw new RangeError('code is required for an injected error reply');
    }
    if (positiveInt(count, 'count', 0) === 0) return;
    const queue = this.failures.get(operation) ?? [];
    queue.push({ failure, remaining: count });
    this.failures.set(operation, queue);
  }

  reset(): void {
    this.drop = 0;
    this.duplicate = 1;
    this.delayMs = 0;
    this.corrupt = [];
    this.failures.clear();
  }

  state(): KnobState {
    const failures = Object.fromEntries(SANDBOX_OPERATIONS.map((op) => [op, (this.failures.get(op) ?? []).map((f) => ({ ...f }))])) as KnobState['failures'];
    return {
      dropNotifications: this.drop,
      duplicateNotifications: this.duplicate,
      delayNotificationsMs: this.delayMs,
      corruptNotifications: this.corrupt.map((c) => ({ ...c })),
      failures,
    };
  }

  takeDrop(): boolean {
    if (this.drop === 0) return false;
    this.drop--;
    return true;
  }

  takeCorruption(): CorruptionKind | undefined {
    const head = this.corrupt[0];
    if (!head) return undefined;
    if (--head.remaining === 0) this.corrupt.shift();
    return head.kind;
  }

  takeFailure(operation: SandboxOperation): InjectedFailure | undefined {
    const queue = this.failures.get(operation);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    if (--head.remaining === 0) queue.shift();
    return head.failure;
  }

  duplicates(): number {
    return this.duplicate;
  }

  delay(): number {
    return this.delayMs;
  }
}
