// The shop as its clients see it: plain HTTP against a running shop process (shopper init data, admin key).
import { signInitData } from '../../../infrastructure/telegram/init-data';

export const FAULT_BOT_TOKEN = '123456789:FAULTS_token_for_init_data_check_1';
export const FAULT_ADMIN_KEY = 'faults-admin-key-0123456789abcdef';
/** Every instance signs fulfilment webhooks with this one secret. */
export const FAULT_WEBHOOK_SECRET = 'faults-webhook-secret-0123456789';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  /** How long the answer took (a hang shows up here, or as status 0 when the client gave up). */
  ms: number;
  /** Set when no HTTP answer came at all (connection refused, reset, or the client's timeout). */
  networkError?: string;
}

export interface OrderView {
  orderNo: string;
  status: string;
  paymentMethod: string;
  total: { amount: number; currency: string };
  payment?: { status: 'READY' | 'RETRYING'; codeUrl?: string };
  error?: { code: string; message: string };
}

export interface ErrorView {
  error: { code: string; message: string };
}

export type Items = Array<{ productId: number; quantity: number }>;

export class ShopClient {
  constructor(
    readonly base: string,
    private readonly timeoutMs = 20_000,
  ) {}

  readonly admin = { authorization: `Bearer ${FAULT_ADMIN_KEY}` };

  shopper(userId: number): Record<string, string> {
    return { authorization: `tma ${signInitData(FAULT_BOT_TOKEN, { id: userId, first_name: `shopper${userId}`, language_code: 'en' }, new Date())}` };
  }

  async request<T = unknown>(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply<T>> {
    const started = Date.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (a PNG, a plain-text error): kept as text
      }
      return { status: res.status, body: body as T, ms: Date.now() - started };
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
      return { status: 0, body: null as T, ms: Date.now() - started, networkError: `${e instanceof Error ? e.message : String(e)}${cause}` };
    }
  }

  async createProduct(body: Record<string, unknown>): Promise<number> {
    const res = await this.request<{ id: number }>('POST', '/v1/admin/products', { headers: this.admin, body });
    if (res.status !== 201) throw new Error(`create product failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async addCodes(productId: number, codes: string[]): Promise<void> {
    const res = await this.request('POST', `/v1/admin/products/${productId}/codes`, { headers: this.admin, body: { codes } });
    if (res.status !== 201 && res.status !== 200) throw new Error(`add codes failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Registers the shopper (any authenticated call does) and gives them credit. */
  async giveCredit(userId: number, amount: number): Promise<void> {
    await this.request('GET', '/v1/account', { headers: this.shopper(userId) });
    const res = await this.request('POST', `/v1/admin/accounts/${userId}/adjustments`, { headers: this.admin, body: { amount, reason: 'fault test top-up' } });
    if (res.status !== 201) throw new Error(`credit failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  placeOrder(userId: number, idempotencyKey: string, items: Items, paymentMethod: 'wechatpay' | 'credit'): Promise<Reply<OrderView>> {
    return this.request<OrderView>('POST', '/v1/orders', {
      headers: { ...this.shopper(userId), 'idempotency-key': idempotencyKey },
      body: { items, paymentMethod },
    });
  }

  /** The admin's view of any order. */
  order(orderNo: string): Promise<Reply<OrderView & { deliveryAttempts?: number }>> {
    return this.request('GET', `/v1/orders/${encodeURIComponent(orderNo)}`, { headers: this.admin });
  }

  async orderStatus(orderNo: string): Promise<string> {
    const res = await this.order(orderNo);
    return res.status === 200 ? res.body.status : `HTTP ${res.status || res.networkError}`;
  }

  async balance(userId: number): Promise<number> {
    const res = await this.request<{ balance: { amount: number } }>('GET', '/v1/account', { headers: this.shopper(userId) });
    if (res.status !== 200) throw new Error(`account failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.balance.amount;
  }
}
