import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { IdempotencyKeyHeader, SECURITY, errorResponses } from '../../schemas/common';
import { PlaceOrderBody, PlacedOrder } from '../../schemas/ordering';
import { presentOrder } from '../ordering/order-presenters';
import { presentPayment } from './order-payments';

/** POST /v1/orders: place and pay (credit at once; a QR order gets its code in the reply). */
export async function checkoutRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access, limits } = opts;

  app.post(
    '/v1/orders',
    {
      onRequest: [...access.shopper, limits.placeOrder],
      schema: {
        tags: ['orders'],
        security: SECURITY.shopper,
        summary: 'Place an order (and pay it, by credit, or get its QR code)',
        description:
          'Send `items` or `fromCart: true`, and `paymentMethod`. An Idempotency-Key is required: the same key with the same body replays the first answer (header `Idempotent-Replayed`), with another body it is refused (409). A credit order is paid at once; a wechatpay order answers with its QR payment. Stricter rate limit than other routes.',
        headers: IdempotencyKeyHeader,
        body: PlaceOrderBody,
        response: { 201: PlacedOrder, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length === 0) {
        return sendError(reply, {
          code: 'IDEMPOTENCY_KEY_REQUIRED',
          message: 'send an Idempotency-Key header (8–128 printable characters, new for each new order)',
        });
      }
      const result = await shop.payment.checkout({
        shopperId: shopperId(request),
        idempotencyKey: key,
        items: request.body.items,
        fromCart: request.body.fromCart,
        paymentMethod: request.body.paymentMethod,
        coupon: request.body.coupon,
      });
      if (!result.ok) return sendError(reply, result.error);
      if (result.value.outcome !== 'created') reply.header('Idempotent-Replayed', result.value.outcome);
      const view = presentOrder(result.value.order.snapshot);
      const payment = result.value.payment ? { payment: presentPayment(opts.publicBaseUrl, view.orderNo, result.value.payment) } : {};
      return reply.code(201).send({ ...view, ...payment });
    },
  );
}
