// The chat page's own API as the page uses it (the action header on every action), and its event stream read the
// way EventSource reads it: for tests that check what the page is told without a browser.

export const ACTION = { 'x-tillbot-chat': '1' } as const;

export interface ChatEventRecord {
  event: string;
  data: Record<string, unknown>;
}

/** Reads /chat/api/events; `next()` waits for an event that matches (already received or still to come). */
export class EventReader {
  readonly events: ChatEventRecord[] = [];
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();
  private failure: Error | undefined;

  constructor(url: string) {
    void this.read(url);
  }

  next(event: string, predicate: (data: Record<string, unknown>) => boolean = () => true, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    let seen = 0;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.failure) return finish(this.failure);
        for (; seen < this.events.length; seen++) {
          const record = this.events[seen];
          if (record && record.event === event && predicate(record.data)) return finish(undefined, record.data);
        }
      };
      const timer = setTimeout(
        () => finish(new Error(`no "${event}" event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.event))}`)),
        timeoutMs,
      );
      const finish = (error?: Error, data?: Record<string, unknown>): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve(data ?? {});
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.controller.abort();
  }

  private async read(url: string): Promise<void> {
    try {
      const response = await fetch(url, { signal: this.controller.signal });
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (!this.controller.signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
    }
    for (const wake of [...this.waiters]) wake();
  }

  private take(block: string): void {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (data === '') return;
    this.events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
    for (const wake of [...this.waiters]) wake();
  }
}

export async function chatPost(base: string, path: string, body: unknown, headers: Record<string, string> = ACTION): Promise<Response> {
  return fetch(`${base}/chat/api${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** What a person says, as the page sends it; resolves once the shop took it. */
export async function say(base: string, personId: number, text: string): Promise<void> {
  const response = await chatPost(base, `/people/${personId}/messages`, { text });
  if (response.status !== 201) throw new Error(`sending "${text}" failed: ${response.status} ${await response.text()}`);
}

export type MessageData = { id: number; from: string; text?: string; version: number; buttons?: Array<Array<{ text: string; data?: string }>> };

export const messageOf = (data: Record<string, unknown>): MessageData => data.message as MessageData;
