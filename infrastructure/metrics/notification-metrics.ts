import { ProviderEvent } from '../../domain/payment';
import { Shop } from '../../domain/shop';
import { NotificationVerifier } from '../payment/notification-verifier';
import { ShopMetrics } from './shop-metrics';

/** A provider's verifier whose rejections (bad signature, stale timestamp, …) are counted by reason. */
export function observedVerifier(verifier: NotificationVerifier, metrics: ShopMetrics): NotificationVerifier {
  return {
    parseNotification: (headers, rawBody, now) => {
      const verified = verifier.parseNotification(headers, rawBody, now);
      if (!verified.ok) metrics.paymentNotifications.inc({ result: 'rejected', reason: verified.error.code });
      return verified;
    },
  };
}

/**
 * The shop with its provider events counted: accepted by what they did, refused by the domain's reason (an unknown
 * order, an amount that does not match). Decorates the facade in the composition root, so neither the domain nor
 * the payment door knows metrics exist; the context's parts (its CONTEXT symbol) are copied with the spread.
 */
export function withProviderEventMetrics(shop: Shop, metrics: ShopMetrics): Shop {
  const apply = shop.payment.applyProviderEvent;
  const applyProviderEvent = async (event: ProviderEvent) => {
    const result = await apply(event);
    if (result.ok) metrics.paymentNotifications.inc({ result: 'accepted', reason: result.value });
    else metrics.paymentNotifications.inc({ result: 'rejected', reason: result.error.code });
    return result;
  };
  return { ...shop, payment: { ...shop.payment, applyProviderEvent } };
}
