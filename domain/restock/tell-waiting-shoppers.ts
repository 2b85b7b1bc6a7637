import { onShelf } from '../catalog';
import { shopperNotice } from '../messaging';
import { HandlerOutcome, done } from '../shared/outbox/outbox-handler';
import { RestockDeps } from './restock-deps';

/** Notices queued per transaction: quick, and no long lock on the alerts. */
export const RESTOCK_BATCH = 200;

/**
 * The product is back: every waiting shopper gets one BACK_IN_STOCK notice. The notices are outbox messages sent
 * through the bot's one paced queue, so thousands of waiting shoppers never burst past Telegram's limits; the
 * dedupe key (alert and round) makes each shopper's notice once, whichever dispatcher or retry gets here.
 */
export async function tellWaitingShoppers(deps: RestockDeps, productId: number): Promise<HandlerOutcome> {
  const product = await deps.uow.read((r) => r.products.findById(productId));
  // Sold out again already, or hidden: the shoppers keep waiting for the next return.
  if (!product || !onShelf(product) || product.stock === 0) return done;
  let after = 0;
  for (;;) {
    const cursor = after;
    const now = deps.clock.now();
    const batch = await deps.uow.run(async (tx) => {
      const alerts = await tx.restockAlerts.waiting(productId, cursor, RESTOCK_BATCH);
      if (alerts.length === 0) return alerts;
      await tx.outbox.enqueue(
        alerts.map((a) => shopperNotice({ userId: a.userId, event: 'BACK_IN_STOCK', productId, text: product.title }, `restock:${a.id}:${a.round}`)),
        now,
      );
      await tx.restockAlerts.markSent(
        alerts.map((a) => a.id),
        now,
      );
      return alerts;
    });
    const last = batch[batch.length - 1];
    if (!last || batch.length < RESTOCK_BATCH) return done;
    after = last.id;
  }
}
