import { FastifyInstance } from 'fastify';
import { Shop } from '../../domain/shop';
import { AuthHandlers, shopperId } from '../auth';
import { sendError } from '../errors';
import { presentOrder, presentOrderForAdmin } from '../presenters';
import { orderNoParam, quantityItem } from '../schemas';
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

export async function orderRoutes(app: FastifyInstance, opts: { shop: Shop; auth: AuthHandlers }): Promise<void> {
  const { shop, auth } = opts;

  app.post<{ Body: PlaceOrderBody }>('/v1/orders', { preHandler: auth.shopper, schema: { body: placeOrderBody } }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0) {
      return sendError(reply, {
        code: 'IDEMPOTENCY_KEY_REQUIRED',
        message: 'send an Idempotency-Key header (8–128 printable characters, new for each new order)',
      });
    }
    const result = await shop.checkout({
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

  app.get('/v1/orders', { preHandler: auth.shopper }, async (request) => ({
    items: (await shop.listMyOrders(shopperId(request))).map((o) => presentOrder(o)),
  }));

  app.get<{ Params: { orderNo: string } }>(
    '/v1/orders/:orderNo',
    { preHandler: auth.shopperOrAdmin, schema: { params: orderNoParam } },
    async (request, reply) => {
      const viewer = request.isAdmin ? null : shopperId(request);
      const result = await shop.getOrder(request.params.orderNo, viewer);
      if (!result.ok) return sendError(reply, result.error);
      return request.isAdmin ? presentOrderForAdmin(result.value.order, result.value) : presentOrder(result.value.order, result.value);
    },
  );
}
