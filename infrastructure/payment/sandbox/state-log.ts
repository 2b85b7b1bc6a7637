import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isObject } from '../wechatpay/json-shape';
import { SandboxNotification, SandboxRefund, SandboxTrade } from './sandbox-records';

export interface SandboxState {
  trades: SandboxTrade[];
  refunds: SandboxRefund[];
  notifications: SandboxNotification[];
}

export const emptyState = (): SandboxState => ({ trades: [], refunds: [], notifications: [] });

/** One record that changed (written whole, as it is when the batch is written) or a notification pruned. */
export type StateChange = { trade: SandboxTrade } | { refund: SandboxRefund } | { notification: SandboxNotification } | { pruned: string };

/** The sink the trade book and the dispatcher report their changes to. */
export interface StateJournal {
  changed(change: StateChange): void;
  /** Resolves once every change reported so far is on disk (fsync'd); rejects when writing it failed. */
  durable(): Promise<void>;
}

/** A gateway without a state file: nothing to wait for. */
export const memoryJournal: StateJournal = { changed: () => undefined, durable: () => Promise.resolve() };

const keyOf = (c: StateChange): string =>
  'trade' in c ? `t:${c.trade.outTradeNo}` : 'refund' in c ? `r:${c.refund.outRefundNo}` : 'notification' in c ? `n:${c.notification.id}` : `n:${c.pruned}`;

/** Past this many bytes appended since the last snapshot (and twice the snapshot), the log is rewritten. */
const COMPACT_MIN_BYTES = 32 * 1024 * 1024;

/**
 * The sandbox's trades, refunds and notifications as an append-only JSON-lines log, one whole record a line (the last
 * line of a key wins on replay). Changes reported in one turn of the event loop are written together and fsync'd
 * once (group commit); `durable()` is what a reply waits for, so an acknowledged trade survives a kill -9 of the
 * process. At open the log is replayed and rewritten as a snapshot; it is compacted again when it has grown a lot.
 */
export class StateLog implements StateJournal {
  private readonly pending = new Map<string, StateChange>();
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private handle: Promise<FileHandle>;
  private appended = 0;
  private closed = false;

  private constructor(
    private readonly file: string,
    readonly state: SandboxState,
    private snapshotBytes: number,
    private readonly log: (line: string) => void,
  ) {
    this.handle = open(file, 'a', 0o600);
  }

  /**
   * Replays `file` (a missing file is a fresh start; `legacyFile`, the whole-state JSON of older versions, is taken
   * over once) and rewrites it compacted before the gateway serves anything.
   */
  static open(file: string, log: (line: string) => void, legacyFile?: string): StateLog {
    const source = existsSync(file) ? file : legacyFile && existsSync(legacyFile) ? legacyFile : null;
    const state = source ? replay(source) : emptyState();
    const bytes = writeSnapshot(file, state);
    if (source && source !== file) {
      rmSync(source);
      log(`sandbox state taken over from ${source} into ${file}`);
    }
    return new StateLog(file, state, bytes, log);
  }

  changed(change: StateChange): void {
    if (this.closed) return;
    this.pending.set(keyOf(change), change);
    this.schedule();
  }

  durable(): Promise<void> {
    if (this.pending.size === 0) return this.flushing ?? Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Writes what is pending and closes the file. */
  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    this.closed = true;
    await (await this.handle).close();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // One turn of the event loop: what a burst of requests changes together is written with one fsync.
    setImmediate(() => {
      this.scheduled = false;
      void this.flushAll();
    });
  }

  /** Never rejects: a failed batch rejects its waiters and is tried again. */
  private async flushAll(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()];
      this.pending.clear();
      const waiters = this.waiters;
      this.waiters = [];
      const written = this.write(batch);
      this.flushing = written;
      try {
        await written;
        for (const w of waiters) w.resolve();
      } catch (e) {
        // Not on disk: keep the changes (unless newer ones replaced them) for the next write, refuse the replies.
        for (const c of batch) if (!this.pending.has(keyOf(c))) this.pending.set(keyOf(c), c);
        for (const w of waiters) w.reject(e as Error);
        this.log(`cannot write sandbox state to ${this.file}: ${(e as Error).message}`);
        this.flushing = null;
        if (!this.closed) setTimeout(() => this.schedule(), 1000).unref();
        return;
      }
    }
    this.flushing = null;
    if (this.appended > Math.max(COMPACT_MIN_BYTES, 2 * this.snapshotBytes)) this.compact();
  }

  private async write(batch: StateChange[]): Promise<void> {
    const text = batch.map((c) => `${JSON.stringify(c)}\n`).join('');
    const fh = await this.handle;
    await fh.write(text);
    await fh.datasync();
    this.appended += Buffer.byteLength(text);
  }

  /** Between two batches (nothing is being written): the snapshot holds every change made so far. */
  private compact(): void {
    try {
      const old = this.handle;
      this.snapshotBytes = writeSnapshot(this.file, this.state);
      this.appended = 0;
      this.handle = open(this.file, 'a', 0o600);
      void old.then((fh) => fh.close()).catch(() => undefined);
    } catch (e) {
      this.log(`cannot compact sandbox state ${this.file}: ${(e as Error).message}`);
    }
  }
}

function replay(file: string): SandboxState {
  const lines = readFileSync(file, 'utf8').split('\n');
  const trades = new Map<string, SandboxTrade>();
  const refunds = new Map<string, SandboxRefund>();
  const notifications = new Map<string, SandboxNotification>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      // A crash mid-append leaves a torn last line: it was never fsync'd, so never acknowledged.
      if (i === lines.length - 1) return;
      throw new Error(`sandbox state file ${file} line ${i + 1} is not valid JSON (${(e as Error).message}); fix or delete it`);
    }
    if (!isObject(parsed)) throw new Error(`sandbox state file ${file} line ${i + 1} is not a record; fix or delete it`);
    // The file is ours: its records are trusted to have our shape.
    if (isObject(parsed.trade)) trades.set(String(parsed.trade.outTradeNo), parsed.trade as unknown as SandboxTrade);
    else if (isObject(parsed.refund)) refunds.set(String(parsed.refund.outRefundNo), parsed.refund as unknown as SandboxRefund);
    else if (isObject(parsed.notification)) notifications.set(String(parsed.notification.id), parsed.notification as unknown as SandboxNotification);
    else if (typeof parsed.pruned === 'string') notifications.delete(parsed.pruned);
    else if (Array.isArray(parsed.trades) && Array.isArray(parsed.refunds)) {
      // The whole-state JSON object older versions wrote (one line).
      for (const t of parsed.trades as SandboxTrade[]) trades.set(t.outTradeNo, t);
      for (const r of parsed.refunds as SandboxRefund[]) refunds.set(r.outRefundNo, r);
      for (const n of (Array.isArray(parsed.notifications) ? parsed.notifications : []) as SandboxNotification[]) notifications.set(n.id, n);
    } else throw new Error(`sandbox state file ${file} line ${i + 1} holds no trade, refund or notification; fix or delete it`);
  });
  return { trades: [...trades.values()], refunds: [...refunds.values()], notifications: [...notifications.values()] };
}

/** Write-fsync-rename-fsync(dir): a crash at any point leaves the old log or the new one, whole. */
function writeSnapshot(file: string, state: SandboxState): number {
  const lines = [
    ...state.trades.map((trade) => ({ trade })),
    ...state.refunds.map((refund) => ({ refund })),
    ...state.notifications.map((notification) => ({ notification })),
  ].map((c) => `${JSON.stringify(c)}\n`);
  const text = lines.join('');
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return Buffer.byteLength(text);
}
