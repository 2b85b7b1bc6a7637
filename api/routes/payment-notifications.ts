import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Shop } from '../../domain/shop';
import { NotificationFailure } from '../../domain/payment/handle-notification';
import { StoreUnavailableError } from '../../domain/shared/unit-of-work';

/** How a refused notification is answered: 4xx for what will never verify, 5xx for what should be sent again. */
const FAILURE_STATUS: Record<NotificationFailure, number> = {
  REJECTED: 401,
  UNKNOWN_ORDER: 404,
  UNKNOWN_REFUND: 404,
  AMOUNT_MISMATCH: 400,
  NOT_APPLICABLE: 500,
};

const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * WeChat Pay callbacks. The body is taken as raw bytes (the signature covers them exactly), verified and decrypted
 * by the provider, applied by the domain, and acknowledged with 204 only once the change is durable.
 */
export async function paymentNotificationRoutes(app: FastifyInstance, opts: { shop: Shop }): Promise<void> {
  // Encapsulated: only these routes read bodies as bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_NOTIFICATION_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const unavailable = error instanceof StoreUnavailableError;
    request.log.warn({ err: error }, 'payment notification not applied');
    const status = unavailable ? 503 : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ code: 'FAIL', message: unavailable ? 'database unavailable, send again later' : error.message });
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const result = await opts.shop.handlePaymentNotification(request.headers, raw);
    if (result.ok) {
      request.log.info({ outcome: result.value }, 'payment notification applied');
      return reply.code(204).send();
    }
    request.log.warn({ reason: result.error.code, detail: result.error.message, serial: request.headers['wechatpay-serial'] }, 'payment notification refused');
    return reply.code(FAILURE_STATUS[result.error.code]).send({ code: 'FAIL', message: result.error.message });
  };
  app.post('/v1/payments/wechatpay/notify', handler);
  app.post('/v1/payments/wechatpay/refund-notify', handler);
}
