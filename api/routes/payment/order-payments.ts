import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { QrPayment } from '../../../domain/payment';
import { qrPng, qrSvg } from '../../../infrastructure/qr/qr-renderer';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { ErrorBody, OrderNoParams, SECURITY, errorResponses } from '../../schemas/common';
import { AdminOrder, Order, QrPayment as QrPaymentSchema } from '../../schemas/ordering';
import { presentOrder, presentOrderForAdmin } from '../ordering/order-presenters';

const viewerOf = (request: FastifyRequest): string | undefined => (request.isAdmin ? undefined : shopperId(request));

const IMAGE_TYPES = { png: 'image/png', svg: 'image/svg+xml' } as const;

/** A QR order's payment: its code as an image, "try again", "check payment", "cancel". */
export async function orderPaymentRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access, limits } = opts;
  const common = { tags: ['orders'], security: SECURITY.shopperOrAdmin, params: OrderNoParams };
  const orderView = { 200: Type.Union([AdminOrder, Order]), ...errorResponses };

  for (const format of ['png', 'svg'] as const) {
    app.get(
      `/v1/orders/:orderNo/qr.${format}`,
      {
        onRequest: access.shopperOrAdmin,
        schema: {
          ...common,
          summary: `The payment QR code as ${format.toUpperCase()}`,
          description: 'Asks the provider for a code first if the order has none yet; 503 with Retry-After while it cannot.',
          response: {
            200: {
              description: 'the QR code to scan with WeChat',
              content: { [IMAGE_TYPES[format]]: { schema: Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' }) } },
            },
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const payment = await shop.payment.startQrPayment(request.params.orderNo, viewerOf(request));
        if (!payment.ok) return sendError(reply, payment.error);
        if (payment.value.status !== 'READY') {
          const body: ErrorBody = { error: { code: 'PROVIDER_UNAVAILABLE', message: payment.value.message } };
          return reply.code(503).header('Retry-After', '5').send(body);
        }
        reply.header('Cache-Control', 'private, max-age=60');
        if (format === 'png') return reply.type(IMAGE_TYPES.png).send(await qrPng(payment.value.codeUrl));
        return reply.type(IMAGE_TYPES.svg).send(await qrSvg(payment.value.codeUrl));
      },
    );
  }

  app.post(
    '/v1/orders/:orderNo/payment',
    {
      onRequest: access.shopperOrAdmin,
      schema: {
        ...common,
        summary: "A QR order's payment (try again)",
        description: 'The QR payment of an unpaid wechatpay order; asks the provider again if the first attempt failed.',
        response: { 200: QrPaymentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const payment = await shop.payment.startQrPayment(request.params.orderNo, viewerOf(request));
      if (!payment.ok) return sendError(reply, payment.error);
      return presentPayment(opts.publicBaseUrl, request.params.orderNo, payment.value);
    },
  );

  app.post(
    '/v1/orders/:orderNo/check',
    {
      onRequest: [...access.shopperOrAdmin, limits.checkPayment],
      schema: {
        ...common,
        summary: 'Check the payment with the provider now',
        description: 'For "I have paid" buttons: asks the provider and applies a payment it reports. Rate limited per shopper and per order.',
        response: orderView,
      },
    },
    async (request, reply) => {
      const checked = await shop.payment.checkPayment(request.params.orderNo, viewerOf(request));
      if (!checked.ok) return sendError(reply, checked.error);
      return request.isAdmin ? presentOrderForAdmin(checked.value.snapshot) : presentOrder(checked.value.snapshot);
    },
  );

  app.post(
    '/v1/orders/:orderNo/cancel',
    {
      onRequest: access.shopperOrAdmin,
      schema: { ...common, summary: 'Cancel an unpaid order', description: 'Closes it at the provider and releases its stock.', response: orderView },
    },
    async (request, reply) => {
      const cancelled = await shop.payment.cancelOrder(
        request.params.orderNo,
        request.isAdmin ? 'cancelled by an admin' : 'cancelled by the shopper',
        viewerOf(request),
      );
      if (!cancelled.ok) return sendError(reply, cancelled.error);
      return request.isAdmin ? presentOrderForAdmin(cancelled.value.snapshot) : presentOrder(cancelled.value.snapshot);
    },
  );
}

/** The payment part of an order reply: the code_url, where its QR image is, and until when it can be paid. */
export function presentPayment(publicBaseUrl: string, orderNo: string, payment: QrPayment) {
  if (payment.status !== 'READY') return { status: 'RETRYING' as const, message: payment.message, expiresAt: payment.expiresAt.toISOString() };
  // A Stars order's code is Telegram's invoice link: the Mini App opens it (WebApp.openInvoice), nobody scans it.
  if (payment.order.paymentMethod === 'stars')
    return { status: 'READY' as const, codeUrl: payment.codeUrl, invoiceLink: payment.codeUrl, expiresAt: payment.expiresAt.toISOString() };
  return {
    status: 'READY' as const,
    codeUrl: payment.codeUrl,
    qrUrl: `${publicBaseUrl}/v1/orders/${orderNo}/qr.png`,
    expiresAt: payment.expiresAt.toISOString(),
  };
}
