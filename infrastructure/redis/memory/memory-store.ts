// The in-process stand-in for one Redis: strings with a time to live, read against an injectable clock.
// Expiry is lazy (an expired entry is invisible the moment its time passes) plus an occasional sweep run by
// writes, so nothing leaks and no timer keeps the process alive.

export type Clock = () => number;

interface Entry {
  value: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  now?: Clock;
  /** How often, at most, a write also drops every expired entry. */
  sweepEveryMs?: number;
}

export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: Clock;
  private readonly sweepEveryMs: number;
  private nextSweepAt: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.nextSweepAt = this.now() + this.sweepEveryMs;
  }

  /** Entries held, expired or not: what the sweep keeps bounded. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): string | null {
    return this.live(key)?.value ?? null;
  }

  set(key: string, value: string, ttlMs: number): void {
    this.write(key, value, ttlMs);
  }

  setIfAbsent(key: string, value: string, ttlMs: number): boolean {
    if (this.live(key)) return false;
    this.write(key, value, ttlMs);
    return true;
  }

  delete(key: string): boolean {
    return this.live(key) !== undefined && this.entries.delete(key);
  }

  deleteIfEquals(key: string, expected: string): boolean {
    return this.live(key)?.value === expected && this.entries.delete(key);
  }

  expireIfEquals(key: string, expected: string, ttlMs: number): boolean {
    const entry = this.live(key);
    if (entry?.value !== expected) return false;
    entry.expiresAt = this.now() + ttlMs;
    return true;
  }

  /** Counts a hit in a window that starts with the first hit; the count and the window's remaining time. */
  countInWindow(key: string, windowMs: number): { count: number; remainingMs: number } {
    const entry = this.live(key);
    if (!entry) {
      this.write(key, '1', windowMs);
      return { count: 1, remainingMs: windowMs };
    }
    const count = Number(entry.value) + 1;
    entry.value = String(count);
    return { count, remainingMs: entry.expiresAt - this.now() };
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private write(key: string, value: string, ttlMs: number): void {
    const now = this.now();
    this.entries.set(key, { value, expiresAt: now + ttlMs });
    if (now >= this.nextSweepAt) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    this.nextSweepAt = now + this.sweepEveryMs;
  }
}
