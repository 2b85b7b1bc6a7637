export interface CartLine {
  productId: number;
  quantity: number;
  updatedAt: Date;
}

export interface CartRepository {
  list(userId: string): Promise<CartLine[]>;
  /** Upsert: the line ends up with exactly this quantity. */
  setQuantity(userId: string, productId: number, quantity: number, now: Date): Promise<void>;
  remove(userId: string, productId: number): Promise<boolean>;
  clear(userId: string): Promise<number>;
}
