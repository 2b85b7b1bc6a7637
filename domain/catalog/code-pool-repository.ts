export type CodeStatus = 'AVAILABLE' | 'RESERVED' | 'DELIVERED';

export interface StoredCode {
  id: number;
  productId: number;
  code: string;
  status: CodeStatus;
  orderNo: string | null;
}

/** The unsold, reserved and delivered codes of `code` products. A code is bound to at most one order. */
export interface CodePoolRepository {
  /** Adds codes; a code already in the product's pool is skipped and counted as a duplicate. */
  add(productId: number, codes: string[], now: Date): Promise<{ added: number; duplicates: number }>;
  /**
   * Binds `quantity` AVAILABLE codes of the product to the order (each by a conditional update).
   * Returns how many it bound; the caller holds the product row lock (see reserveStock), so it is all or nothing.
   */
  reserve(productId: number, orderNo: string, quantity: number, now: Date): Promise<number>;
  /** RESERVED → AVAILABLE for the order's codes; returns how many per product were released. */
  releaseForOrder(orderNo: string): Promise<Array<{ productId: number; count: number }>>;
  /** RESERVED → DELIVERED for the order's codes; returns how many changed. */
  markDeliveredForOrder(orderNo: string, now: Date): Promise<number>;
  /** DELIVERED → AVAILABLE is never done; a refunded code stays spent. */
  listForOrder(orderNo: string): Promise<StoredCode[]>;
  /** The DELIVERED codes of several orders in one statement (an order list with its codes). */
  listDeliveredForOrders(orderNos: readonly string[]): Promise<StoredCode[]>;
  countAvailable(productId: number): Promise<number>;
}
