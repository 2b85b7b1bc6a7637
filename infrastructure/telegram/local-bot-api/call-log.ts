import type { ApiResponse } from './bot-api-types';

export interface RecordedCall {
  seq: number;
  botId: number;
  /** The method as Telegram names it (canonical letter case), or as requested when unknown. */
  method: string;
  /** Parameters as received; uploads appear as { upload: filename, size }. */
  params: Record<string, unknown>;
  receivedAt: number;
  answeredAt?: number;
  /** Undefined while unanswered, and for hung or dropped calls. */
  httpStatus?: number;
  response?: ApiResponse;
  fault?: string;
  /** True for a method Telegram ran from a webhook's answer rather than from a request of the bot. */
  viaWebhookReply?: boolean;
}

/** Every call the local Bot API received, in arrival order. */
export class CallLog {
  private calls: RecordedCall[] = [];
  private seq = 0;

  start(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    const recorded = { seq: ++this.seq, ...call };
    this.calls.push(recorded);
    return recorded;
  }

  all(): RecordedCall[] {
    return [...this.calls];
  }

  byMethod(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method.toLowerCase() === method.toLowerCase());
  }

  count(method?: string): number {
    return method === undefined ? this.calls.length : this.byMethod(method).length;
  }

  clear(): void {
    this.calls = [];
  }
}
