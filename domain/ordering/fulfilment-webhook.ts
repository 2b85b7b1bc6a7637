import { Result } from '../shared/result';

/** What a `webhook` product's merchant system receives (signed with HMAC-SHA256 by the adapter). */
export interface FulfilmentRequest {
  url: string;
  /** Stable across retries: the merchant's system uses it to do the work once. */
  idempotencyKey: string;
  orderNo: string;
  lineNo: number;
  sku: string;
  quantity: number;
  userId: string;
  paidAt: string;
}

export interface FulfilmentWebhook {
  send(request: FulfilmentRequest): Promise<Result<void, { message: string }>>;
}
