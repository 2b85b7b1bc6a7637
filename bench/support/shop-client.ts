// The shop as its clients see it, for setting a benchmark up (not for the measured load): plain HTTP with the
// admin key, and shoppers signed in with Telegram Mini App init data as a Mini App would send it.
import { createHmac } from 'node:crypto';
import { BENCH_ADMIN_KEY, BENCH_BOT_TOKEN } from './shop-process';

/** Telegram's init data: HMAC-SHA256 over the sorted key=value lines, keyed by HMAC("WebAppData", bot token). */
export function signInitData(userId: number, authDate = new Date(), botToken = BENCH_BOT_TOKEN): string {
  const params = new URLSearchParams({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    user: JSON.stringify({ id: userId, first_name: `shopper${userId}`, language_code: 'en' }),
  });
  const lines = [...params].map(([k, v]) => `${k}=${v}`).sort();
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  params.set('hash', createHmac('sha256', secret).update(lines.join('\n')).digest('hex'));
  return params.toString();
}

export const shopperAuth = (userId: number): string => `tma ${signInitData(userId)}`;
export const ADMIN_AUTH = `Bearer ${BENCH_ADMIN_KEY}`;

export interface Reply<T> {
  status: number;
  body: T;
}

export class ShopClient {
  constructor(readonly base: string) {}

  async request<T = unknown>(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: body as T };
  }

  private async expect<T>(what: string, status: number[], reply: Promise<Reply<T>>): Promise<T> {
    const res = await reply;
    if (!status.includes(res.status)) throw new Error(`${what} failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body;
  }

  async createProduct(body: Record<string, unknown>): Promise<number> {
    const made = await this.expect<{ id: number }>(
      'create product',
      [201],
      this.request('POST', '/v1/admin/products', { headers: { authorization: ADMIN_AUTH }, body }),
    );
    return made.id;
  }

  async addCodes(productId: number, codes: string[]): Promise<void> {
    for (let i = 0; i < codes.length; i += 10_000) {
      await this.expect(
        'add codes',
        [200, 201],
        this.request('POST', `/v1/admin/products/${productId}/codes`, { headers: { authorization: ADMIN_AUTH }, body: { codes: codes.slice(i, i + 10_000) } }),
      );
    }
  }

  /** Signs the shopper in (any shopper call registers them), then credits them through the admin API. */
  async giveCredit(userId: number, amount: number): Promise<void> {
    await this.expect('register shopper', [200], this.request('GET', '/v1/account', { headers: { authorization: shopperAuth(userId) } }));
    await this.expect(
      'credit shopper',
      [201],
      this.request('POST', `/v1/admin/accounts/${userId}/adjustments`, { headers: { authorization: ADMIN_AUTH }, body: { amount, reason: 'bench top-up' } }),
    );
  }

  async register(userId: number): Promise<void> {
    await this.expect('register shopper', [200], this.request('GET', '/v1/account', { headers: { authorization: shopperAuth(userId) } }));
  }

  placeOrder(userId: number, idempotencyKey: string, items: Array<{ productId: number; quantity: number }>, paymentMethod: 'wechatpay' | 'credit') {
    return this.expect<{ orderNo: string; status: string; payment?: { codeUrl?: string } }>(
      'place order',
      [201],
      this.request('POST', '/v1/orders', {
        headers: { authorization: shopperAuth(userId), 'idempotency-key': idempotencyKey },
        body: { items, paymentMethod },
      }),
    );
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
