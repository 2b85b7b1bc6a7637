import { FastifyInstance, FastifyRequest } from 'fastify';
import { QrPayment } from '../../../domain/payment';
import { qrPng, qrSvg } from '../../../infrastructure/qr/qr-renderer';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { presentOrder, presentOrderForAdmin } from '../ordering/order-presenters';
import { orderNoParam } from '../../schemas';

const viewerOf = (request: FastifyRequest): string | undefined => (request.isAdmin ? undefined : shopperId(request));

/** A QR order's payment: its code as an image, "try again", "check payment", "cancel". */
export async function orderPaymentRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  const access = { preHandler: auth.shopperOrAdmin, schema: { params: orderNoParam } };

  for (const format of ['png', 'svg'] as const) {
    app.get<{ Params: { orderNo: string } }>(`/v1/orders/:orderNo/qr.${format}`, access, async (request, reply) => {
      const payment = await shop.payment.startQrPayment(request.params.orderNo, viewerOf(request));
      if (!payment.ok) return sendError(reply, payment.error);
      if (payment.value.status !== 'READY') {
        return reply
          .code(503)
          .header('Retry-After', '5')
          .send({ error: { code: 'PROVIDER_UNAVAILABLE', message: payment.value.message } });
      }
      reply.header('Cache-Control', 'private, max-age=60');
      if (format === 'png') return reply.type('image/png').send(await qrPng(payment.value.codeUrl));
      return reply.type('image/svg+xml').send(await qrSvg(payment.value.codeUrl));
    });
  }

  app.post<{ Params: { orderNo: string } }>('/v1/orders/:orderNo/payment', access, async (request, reply) => {
    const payment = await shop.payment.startQrPayment(request.params.orderNo, viewerOf(request));
    if (!payment.ok) return sendError(reply, payment.error);
    return presentPayment(request, request.params.orderNo, payment.value);
  });

  app.post<{ Params: { orderNo: string } }>('/v1/orders/:orderNo/check', access, async (request, reply) => {
    const checked = await shop.payment.checkPayment(request.params.orderNo, viewerOf(request));
    if (!checked.ok) return sendError(reply, checked.error);
    return request.isAdmin ? presentOrderForAdmin(checked.value.snapshot) : presentOrder(checked.value.snapshot);
  });

  app.post<{ Params: { orderNo: string } }>('/v1/orders/:orderNo/cancel', access, async (request, reply) => {
    const cancelled = await shop.payment.cancelOrder(
      request.params.orderNo,
      request.isAdmin ? 'cancelled by an admin' : 'cancelled by the shopper',
      viewerOf(request),
    );
    if (!cancelled.ok) return sendError(reply, cancelled.error);
    return request.isAdmin ? presentOrderForAdmin(cancelled.value.snapshot) : presentOrder(cancelled.value.snapshot);
  });
}

/** The payment part of an order reply: the code_url, where its QR image is, and until when it can be paid. */
export function presentPayment(request: FastifyRequest, orderNo: string, payment: QrPayment) {
  if (payment.status !== 'READY') return { status: 'RETRYING', message: payment.message, expiresAt: payment.expiresAt.toISOString() };
  const base = `${request.protocol}://${request.host}`;
  return { status: 'READY', codeUrl: payment.codeUrl, qrUrl: `${base}/v1/orders/${orderNo}/qr.png`, expiresAt: payment.expiresAt.toISOString() };
}
