import type { TgUpdate } from './bot-api-types';
import type { UpdateQueue } from './update-queue';

export interface WebhookOptions {
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
  /** Pauses between failed attempts at the same update; the last one repeats. Telegram's own are longer. */
  retryDelaysMs: readonly number[];
  /** Refuse non-HTTPS URLs and ports other than 80, 88, 443, 8443 as Telegram does (off: local tests use http). */
  requireHttps: boolean;
  /** Where a registered URL is really reached, e.g. https://shop.example/hook → http://127.0.0.1:3000/hook. */
  rewriteUrl?: (url: string) => string;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
}

/** Runs a method a webhook answered with (Telegram executes a method given in the webhook's response body). */
export type WebhookReplyExecutor = (contentType: string, body: Buffer) => Promise<void>;

export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String(cause.code) : '';
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'Connection reset by peer';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Failed to resolve host: Name or service not known';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'Read timeout expired';
  return 'Connection failed';
}

/**
 * Delivers one bot's updates to its webhook, strictly one at a time and in order: an update leaves the
 * queue only after a 2xx answer; a failure is recorded for getWebhookInfo and the same update is retried.
 */
export class WebhookDelivery {
  config?: WebhookConfig;
  lastErrorDate?: number;
  lastErrorMessage?: string;
  private generation = 0;
  private controller = new AbortController();
  private running?: Promise<void>;
  private closed = false;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly options: WebhookOptions,
    private readonly executeReply: WebhookReplyExecutor,
  ) {
    queue.onAdded(() => this.kick());
  }

  set(config: WebhookConfig): void {
    this.stopCurrent();
    this.config = config;
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
    this.kick();
  }

  delete(): void {
    this.stopCurrent();
    this.config = undefined;
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopCurrent();
    await this.running;
  }

  private stopCurrent(): void {
    this.generation++;
    this.controller.abort();
    this.controller = new AbortController();
  }

  private kick(): void {
    if (!this.config || this.running || this.closed) return;
    this.running = this.run(this.generation, this.controller.signal).finally(() => {
      this.running = undefined;
      if (this.queue.pendingCount() > 0) this.kick();
    });
  }

  private async run(generation: number, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!this.closed && generation === this.generation && this.config) {
      const update = this.queue.peek();
      if (!update) return;
      const delivered = await this.deliver(update, this.config, signal);
      if (generation !== this.generation) return;
      if (delivered) {
        this.queue.remove(update.update_id);
        failures = 0;
        continue;
      }
      const delays = this.options.retryDelaysMs;
      await sleep(delays[Math.min(failures++, delays.length - 1)] ?? 1000, signal);
    }
  }

  private async deliver(update: TgUpdate, config: WebhookConfig, signal: AbortSignal): Promise<boolean> {
    const url = this.options.rewriteUrl ? this.options.rewriteUrl(config.url) : config.url;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (config.secretToken) headers[SECRET_HEADER] = config.secretToken;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status < 200 || response.status >= 300) {
        this.recordError(`Wrong response from the webhook: ${response.status} ${response.statusText}`);
        return false;
      }
      const contentType = response.headers.get('content-type');
      if (contentType && body.length > 0) await this.executeReply(contentType, body).catch(() => undefined);
      return true;
    } catch (error) {
      if (!signal.aborted) this.recordError(describeFailure(error));
      return false;
    }
  }

  private recordError(message: string): void {
    this.lastErrorDate = Math.floor(Date.now() / 1000);
    this.lastErrorMessage = message;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
