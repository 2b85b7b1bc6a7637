/** A shopper waiting to hear that a sold-out product is back; `round` counts their waits for it (one notice each). */
export interface RestockAlert {
  id: number;
  productId: number;
  userId: string;
  round: number;
}

export interface RestockAlertRepository {
  /**
   * The shopper waits for the product: a new alert, or the old one waiting again in a new round (after it was sent).
   * 'ALREADY_WAITING' when it waits already.
   */
  subscribe(productId: number, userId: string, now: Date): Promise<'WAITING' | 'ALREADY_WAITING'>;
  /** Stops waiting; false when the shopper was not waiting. */
  unsubscribe(productId: number, userId: string): Promise<boolean>;
  isWaiting(productId: number, userId: string): Promise<boolean>;
  /** Waiting alerts of the product after `afterId`, by id. */
  waiting(productId: number, afterId: number, limit: number): Promise<RestockAlert[]>;
  /** Marks these alerts as sent (only those still waiting). */
  markSent(ids: readonly number[], now: Date): Promise<number>;
}
