import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EventFailure } from '../../../domain/payment';
import { StoreUnavailableError } from '../../../domain/shared/unit-of-work';
import { unconfiguredVerifier } from '../../../infrastructure/payment/notification-verifier';
import { RouteDeps } from '../../context-routes';

/** How a refused notification is answered: 4xx for what will never verify, 5xx for what should be sent again. */
const FAILURE_STATUS: Record<EventFailure, number> = {
  UNKNOWN_ORDER: 404,
  UNKNOWN_REFUND: 404,
  AMOUNT_MISMATCH: 400,
  NOT_APPLICABLE: 500,
};
/** Failed a check (signature, serial, time window, GCM tag, appid/mchid, shape): not from our provider. */
const REJECTED_STATUS = 401;

const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * WeChat Pay callbacks. The body is taken as raw bytes (the signature covers them exactly) and verified and decoded
 * by the provider's adapter here, at the door; the domain gets the verified event only, applies it, and the
 * callback is acknowledged with 204 once the change is durable.
 */
export async function paymentNotificationRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  // Encapsulated: only these routes read bodies as bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_NOTIFICATION_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const unavailable = error instanceof StoreUnavailableError;
    request.log.warn({ err: error }, 'payment notification not applied');
    const status = unavailable ? 503 : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ code: 'FAIL', message: unavailable ? 'database unavailable, send again later' : error.message });
  });

  const verifier = opts.verifiers.wechatpay ?? unconfiguredVerifier;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const verified = verifier.parseNotification(request.headers, raw, opts.now());
    if (!verified.ok) {
      const detail = `${verified.error.code}: ${verified.error.message}`;
      request.log.warn({ reason: 'REJECTED', detail, serial: request.headers['wechatpay-serial'] }, 'payment notification refused');
      return reply.code(REJECTED_STATUS).send({ code: 'FAIL', message: detail });
    }
    const result = await opts.shop.payment.applyProviderEvent(verified.value);
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
