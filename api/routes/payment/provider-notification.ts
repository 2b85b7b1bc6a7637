import { FastifyInstance, FastifyRequest } from 'fastify';
import { EventFailure } from '../../../domain/payment';
import { NotificationVerifier } from '../../../infrastructure/payment/notification-verifier';
import { RouteDeps } from '../../context-routes';

/** How a notification that verified but will not apply is answered: 4xx for never, 5xx for "send it again". */
export const NOTIFICATION_FAILURE_STATUS: Record<EventFailure, number> = {
  UNKNOWN_ORDER: 404,
  UNKNOWN_REFUND: 404,
  AMOUNT_MISMATCH: 400,
  NOT_APPLICABLE: 500,
};

const MAX_NOTIFICATION_BYTES = 64 * 1024;

/**
 * Encapsulated in the provider's plugin: its bodies are read as raw bytes (the signature covers them exactly), and
 * the body schema only documents them — the verifier checks the bytes, signature first, not ajv.
 */
export function takeRawNotificationBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_NOTIFICATION_BYTES }, (_request, body, done) => done(null, body));
  app.setValidatorCompiler(() => () => true);
}

export type NotificationReceipt =
  { kind: 'rejected'; detail: string } | { kind: 'refused'; code: EventFailure; message: string } | { kind: 'applied'; outcome: string };

/**
 * One provider notification through the door: verified and decoded by the provider's adapter (headers and bytes go
 * no further), then the verified event applied by the domain. Each provider's route answers the receipt in its
 * own wire terms; `applied` means the change is durable.
 */
export async function receiveNotification(verifier: NotificationVerifier, opts: RouteDeps, request: FastifyRequest): Promise<NotificationReceipt> {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const verified = verifier.parseNotification(request.headers, raw, opts.now());
  if (!verified.ok) return { kind: 'rejected', detail: `${verified.error.code}: ${verified.error.message}` };
  const result = await opts.shop.payment.applyProviderEvent(verified.value);
  if (!result.ok) return { kind: 'refused', code: result.error.code, message: result.error.message };
  return { kind: 'applied', outcome: result.value };
}
