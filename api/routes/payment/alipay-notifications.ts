import { Type } from '@sinclair/typebox';
import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '../../../domain/shared/unit-of-work';
import { unconfiguredVerifier } from '../../../infrastructure/payment/notification-verifier';
import { RouteDeps } from '../../context-routes';
import { SECURITY } from '../../schemas/common';
import { NOTIFICATION_FAILURE_STATUS, receiveNotification, takeRawNotificationBodies } from './provider-notification';

const AlipayNotification = Type.Object(
  {
    notify_id: Type.String(),
    notify_time: Type.String({ examples: ['2026-12-02 18:00:00'] }),
    app_id: Type.String(),
    out_trade_no: Type.String({ description: 'our order number' }),
    trade_no: Type.String({ description: "Alipay's trade number" }),
    trade_status: Type.String({ examples: ['TRADE_SUCCESS', 'TRADE_FINISHED'] }),
    total_amount: Type.String({ description: 'yuan, two decimals', examples: ['9.90'] }),
    gmt_payment: Type.Optional(Type.String()),
    sign_type: Type.String({ examples: ['RSA2'] }),
    sign: Type.String({ description: 'base64 RSA2 over the other parameters but sign_type, sorted by key, joined k=v&…' }),
  },
  { additionalProperties: true, description: "Alipay's asynchronous notification, application/x-www-form-urlencoded" },
);

/**
 * Alipay reads only the body: the literal `success` stops its retries, anything else asks for another. The status
 * says the same to logs and proxies as WeChat's route does: 4xx for what will never apply, 5xx for "send again".
 */
const Success = Type.Literal('success', { description: 'applied and durable' });
const Fail = Type.Literal('fail');

/** Failed a check (signature, app_id, status, amount, shape): not a payment from our Alipay. */
const REJECTED_STATUS = 400;

/**
 * Alipay's notifications. The form body is taken as raw bytes and verified by the Alipay adapter here, at the door
 * (RSA2 by Alipay's public key first, then our app_id, a paid trade_status and a yuan amount); the domain gets the
 * verified event, and `success` is answered only once the change is durable — every other outcome is `fail`, which
 * Alipay sends again later (a forgery's copies all fail the same way, without touching the database).
 */
export async function alipayNotificationRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  takeRawNotificationBodies(app);
  const fail = (reply: FastifyReply, status: number) => reply.code(status).type('text/plain; charset=utf-8').send('fail');
  app.setErrorHandler((error: FastifyError, request, reply) => {
    request.log.warn({ err: error }, 'alipay notification not applied');
    return fail(reply, error instanceof StoreUnavailableError ? 503 : error.statusCode && error.statusCode < 500 ? error.statusCode : 500);
  });

  const verifier = opts.verifiers.alipay ?? unconfiguredVerifier;
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const receipt = await receiveNotification(verifier, opts, request);
    if (receipt.kind === 'applied') {
      request.log.info({ outcome: receipt.outcome }, 'alipay notification applied');
      return reply.code(200).type('text/plain; charset=utf-8').send('success');
    }
    if (receipt.kind === 'rejected') {
      request.log.warn({ reason: 'REJECTED', detail: receipt.detail }, 'alipay notification refused');
      return fail(reply, REJECTED_STATUS);
    }
    request.log.warn({ reason: receipt.code, detail: receipt.message }, 'alipay notification refused');
    return fail(reply, NOTIFICATION_FAILURE_STATUS[receipt.code]);
  };

  app.post(
    '/v1/payments/alipay/notify',
    {
      // Never rate limited, as WeChat's: every notification may carry money that must be recorded.
      config: { rateLimit: false as const },
      schema: {
        tags: ['payment callbacks'],
        summary: 'Alipay payment notification',
        description:
          'Called by Alipay, not by clients. The form is verified (RSA2 with the Alipay public key over every parameter but sign and sign_type, sorted by key; our app_id; TRADE_SUCCESS or TRADE_FINISHED; total_amount in yuan) before anything is applied. Answers the literal `success` (200) once applied and durable; `fail` otherwise — 400 for what fails verification, 404/400 for what will never apply, 5xx to be sent again (Alipay retries anything but `success`).',
        security: SECURITY.alipaySignature,
        consumes: ['application/x-www-form-urlencoded'],
        body: AlipayNotification,
        response: { 200: Success, '4xx': Fail, '5xx': Fail },
      },
    },
    handler,
  );
}
