/** How far one broadcast got, as this process saw it. */
export interface BroadcastProgress {
  broadcastId: string;
  /** Null when this process only sends for a broadcast another instance started. */
  recipients: number | null;
  sent: number;
  /** Chats that blocked the bot or cannot be reached, and sends whose outcome stayed unknown. */
  failed: number;
  done: boolean;
}

interface Tally {
  recipients: number | null;
  sent: number;
  failed: number;
}

/** Enough for an admin to follow recent broadcasts; the oldest are forgotten first. */
const KEPT = 200;

/**
 * Counts outcomes in memory. Every instance that dispatches broadcast messages counts its own; an admin's
 * progress message runs where the broadcast started, which also dispatches it unless another instance's
 * scheduled dispatch picks some messages up first.
 */
export class BroadcastBoard {
  private readonly tallies = new Map<string, Tally>();

  begin(broadcastId: string, recipients: number): void {
    this.tally(broadcastId).recipients = recipients;
  }

  record(broadcastId: string, outcome: 'sent' | 'failed'): void {
    this.tally(broadcastId)[outcome] += 1;
  }

  progress(broadcastId: string): BroadcastProgress | null {
    const tally = this.tallies.get(broadcastId);
    if (!tally) return null;
    const { recipients, sent, failed } = tally;
    return { broadcastId, recipients, sent, failed, done: recipients !== null && sent + failed >= recipients };
  }

  private tally(broadcastId: string): Tally {
    let tally = this.tallies.get(broadcastId);
    if (!tally) {
      if (this.tallies.size >= KEPT) {
        const oldest = this.tallies.keys().next();
        if (!oldest.done) this.tallies.delete(oldest.value);
      }
      tally = { recipients: null, sent: 0, failed: 0 };
      this.tallies.set(broadcastId, tally);
    }
    return tally;
  }
}
