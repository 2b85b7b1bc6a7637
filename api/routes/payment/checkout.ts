import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { quantityItem } from '../../schemas';
import { presentOrder } from '../ordering/order-presenters';
import { presentPayment } from './order-payments';

interface PlaceOrderBody {
  items?: Array<{ productId: number; quantity: number }>;
  fromCart?: boolean;
  paymentMethod: string;
}

const placeOrderBody = {
  type: 'object',
  required: ['paymentMethod'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', minItems: 1, maxItems: 100, items: quantityItem },
    fromCart: { type: 'boolean' },
    paymentMethod: { type: 'string', enum: ['credit', 'wechatpay'] },
  },
} as const;

/** POST /v1/orders: place and pay (credit at once; a QR order gets its code in the reply). */
export async function checkoutRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;

  app.post<{ Body: PlaceOrderBody }>('/v1/orders', { preHandler: auth.shopper, schema: { body: placeOrderBody } }, async (request, reply) => {
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
    });
    if (!result.ok) return sendError(reply, result.error);
    if (result.value.outcome !== 'created') reply.header('Idempotent-Replayed', result.value.outcome);
    const view = presentOrder(result.value.order.snapshot);
    const payment = result.value.payment ? { payment: presentPayment(request, view.orderNo, result.value.payment) } : {};
    return reply.code(201).send({ ...view, ...payment });
  });
}
