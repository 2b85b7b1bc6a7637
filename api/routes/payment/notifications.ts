import { Type } from '@sinclair/typebox';
import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '../../../domain/shared/unit-of-work';
import { unconfiguredVerifier } from '../../../infrastructure/payment/notification-verifier';
import { RouteDeps } from '../../context-routes';
import { SECURITY } from '../../schemas/common';
import { NOTIFICATION_FAILURE_STATUS, receiveNotification, takeRawNotificationBodies } from './provider-notification';

const NotificationHeaders = Type.Object({
  'wechatpay-signature': Type.String({ description: 'base64 RSA-SHA256 signature' }),
  'wechatpay-timestamp': Type.String({ description: 'Unix seconds' }),
  'wechatpay-nonce': Type.String(),
  'wechatpay-serial': Type.String({ description: 'the platform certificate or public key that signed it' }),
});

const NotificationEnvelope = Type.Object(
  {
    id: Type.String(),
    create_time: Type.String(),
    event_type: Type.String({ examples: ['TRANSACTION.SUCCESS', 'REFUND.SUCCESS'] }),
    resource_type: Type.String({ examples: ['encrypt-resource'] }),
    summary: Type.Optional(Type.String()),
    resource: Type.Object({
      algorithm: Type.String({ examples: ['AEAD_AES_256_GCM'] }),
      ciphertext: Type.String(),
      associated_data: Type.Optional(Type.String()),
      original_type: Type.String(),
      nonce: Type.String(),
    }),
  },
  { description: "WeChat Pay v3's notification envelope; the resource decrypts to the trade or the refund" },
);

/** WeChat Pay reads this shape on a refusal. */
const ProviderAck = Type.Object({ code: Type.String({ examples: ['FAIL'] }), message: Type.String() });

/** Failed a check (signature, serial, time window, GCM tag, appid/mchid, shape): not from our provider. */
const REJECTED_STATUS = 401;

/**
 * WeChat Pay callbacks. The body is taken as raw bytes (the signature covers them exactly) and verified and decoded
 * by the provider's adapter here, at the door; the domain gets the verified event only, applies it, and the
 * callback is acknowledged with 204 once the change is durable.
 */
export async function paymentNotificationRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  takeRawNotificationBodies(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const unavailable = error instanceof StoreUnavailableError;
    request.log.warn({ err: error }, 'payment notification not applied');
    const status = unavailable ? 503 : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ code: 'FAIL', message: unavailable ? 'database unavailable, send again later' : error.message });
  });

  const verifier = opts.verifiers.wechatpay ?? unconfiguredVerifier;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const receipt = await receiveNotification(verifier, opts, request);
    const serial = request.headers['wechatpay-serial'];
    if (receipt.kind === 'applied') {
      request.log.info({ outcome: receipt.outcome }, 'payment notification applied');
      return reply.code(204).send();
    }
    if (receipt.kind === 'rejected') {
      request.log.warn({ reason: 'REJECTED', detail: receipt.detail, serial }, 'payment notification refused');
      return reply.code(REJECTED_STATUS).send({ code: 'FAIL', message: receipt.detail });
    }
    request.log.warn({ reason: receipt.code, detail: receipt.message, serial }, 'payment notification refused');
    return reply.code(NOTIFICATION_FAILURE_STATUS[receipt.code]).send({ code: 'FAIL', message: receipt.message });
  };
  const route = (summary: string) => ({
    // Never rate limited: the provider retries a refused callback for hours, and every one may carry money that
    // must be recorded (a 429 would only delay a payment and multiply the retries). Forged ones fail the signature
    // check at the cost of one verification, without touching the database.
    config: { rateLimit: false as const },
    schema: {
      tags: ['payment callbacks'],
      summary,
      description:
        'Called by WeChat Pay, not by clients. The raw body is verified (platform signature over timestamp, nonce and body; 300 s window; AES-256-GCM resource; our appid/mchid) before anything is applied. 204 once applied and durable; 401 for what fails verification; 404/400 for what will never apply; 5xx to be sent again.',
      security: SECURITY.providerSignature,
      headers: NotificationHeaders,
      body: NotificationEnvelope,
      response: { 204: Type.Null({ description: 'applied' }), '4xx': ProviderAck, '5xx': ProviderAck },
    },
  });
  app.post('/v1/payments/wechatpay/notify', route('WeChat Pay payment notification'), handler);
  app.post('/v1/payments/wechatpay/refund-notify', route('WeChat Pay refund notification'), handler);
}
