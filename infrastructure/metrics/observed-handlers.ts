import { broadcastSendTopic } from '../../domain/messaging';
import { OutboxHandler } from '../../domain/shared/outbox/outbox-handler';
import { withLogContext } from '../logging/log-context';
import { ShopMetrics } from './shop-metrics';

const BROADCAST_RESULT = { done: 'sent', retry: 'retried', dead: 'failed' } as const;

/**
 * An outbox handler as this process runs it: its log lines carry the message (as reqId `outbox:<id>`), its topic and
 * the order it is about, and its outcome is counted per topic — broadcasts also as sent / retried / failed. A thrown
 * error is counted as a retry, which is what the dispatcher makes of it.
 */
export function observedHandler(handler: OutboxHandler, metrics: ShopMetrics): OutboxHandler {
  return {
    topic: handler.topic,
    retry: handler.retry,
    handle: (message) => {
      const orderNo = typeof message.payload.orderNo === 'string' ? message.payload.orderNo : undefined;
      return withLogContext({ reqId: `outbox:${message.id}`, topic: message.topic, ...(orderNo ? { orderNo } : {}) }, async () => {
        let outcome: 'done' | 'retry' | 'dead' = 'retry';
        try {
          const result = await handler.handle(message);
          outcome = result.kind;
          return result;
        } finally {
          metrics.outboxHandled.inc({ topic: handler.topic, outcome });
          if (handler.topic === broadcastSendTopic.name) metrics.broadcasts.inc({ result: BROADCAST_RESULT[outcome] });
        }
      });
    },
  };
}
