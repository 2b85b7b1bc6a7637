import { createHmac } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { AxiosInstance } from 'axios';
import { FulfilmentRequest, FulfilmentWebhook } from '../../domain/ordering';
import { Result, err, ok } from '../../domain/shared/result';
import { AllAddressesLookup, literalTargetRefusal, publicOnlyLookup } from './webhook-target-guard';

export const SIGNATURE_HEADER = 'X-Tillbot-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * POSTs a fulfilment request to a merchant's URL. The body is signed with HMAC-SHA256 over `timestamp.body`
 * (header `X-Tillbot-Signature: t=<unix>,v1=<hex>`), so the receiver can check origin and freshness; the
 * Idempotency-Key stays the same on every retry. Any 2xx is success; anything else is retried by the caller.
 * Unless private targets are allowed (WEBHOOK_ALLOW_PRIVATE), the target is resolved and checked at every send, and
 * a private, loopback or link-local one is not contacted: a failed delivery `WEBHOOK_TARGET_NOT_ALLOWED: …`.
 */
export class HttpFulfilmentWebhook implements FulfilmentWebhook {
  private readonly http: AxiosInstance;

  private readonly allowPrivate: boolean;

  constructor(
    private readonly secret: string,
    targets: { allowPrivate: boolean; dns?: AllAddressesLookup },
    timeoutMs = 10_000,
  ) {
    this.allowPrivate = targets.allowPrivate;
    const lookup = publicOnlyLookup(targets.dns);
    // No proxy: the connection must go to the address the lookup checked, not to a proxy that resolves it again.
    const agents = this.allowPrivate ? {} : { httpAgent: new HttpAgent({ lookup }), httpsAgent: new HttpsAgent({ lookup }) };
    this.http = axios.create({ timeout: timeoutMs, maxRedirects: 0, validateStatus: () => true, ...(this.allowPrivate ? {} : { proxy: false }), ...agents });
  }

  async send(request: FulfilmentRequest): Promise<Result<void, { message: string }>> {
    const body = JSON.stringify({
      event: 'order.fulfil',
      orderNo: request.orderNo,
      lineNo: request.lineNo,
      sku: request.sku,
      quantity: request.quantity,
      userId: request.userId,
      paidAt: request.paidAt,
    });
    if (!this.allowPrivate) {
      const refused = literalTargetRefusal(request.url);
      if (refused) return err({ message: refused });
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex');
    try {
      const response = await this.http.post(request.url, body, {
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: `t=${timestamp},v1=${signature}`, [IDEMPOTENCY_HEADER]: request.idempotencyKey },
      });
      if (response.status >= 200 && response.status < 300) return ok(undefined);
      return err({ message: `HTTP ${response.status}` });
    } catch (e) {
      // axios wraps the lookup's refusal; its message is kept whole (it starts with the stable code).
      return err({ message: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** What a receiver does to check a request (documented in the README; used by the tests). */
export function verifyFulfilmentSignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isSafeInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || typeof parts.v1 !== 'string') return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return (
    expected.length === parts.v1.length && createHmac('sha256', 'x').update(expected).digest('hex') === createHmac('sha256', 'x').update(parts.v1).digest('hex')
  );
}
