import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { IdempotencyKeyHeader, SECURITY, errorResponses } from '../../schemas/common';
import { Checkout, CheckoutNoParams, PlaceCheckoutBody } from '../../schemas/marketplace';
import { presentCheckout, presentCheckoutQr } from './checkout-presenters';

/** POST /v1/checkouts: buy from several sellers at once (one order per seller, one payment); GET one back. */
export async function checkoutsRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access, limits } = opts;

  app.post(
    '/v1/checkouts',
    {
      onRequest: [...access.shopper, limits.placeOrder],
      schema: {
        tags: ['checkouts'],
        security: SECURITY.shopper,
        summary: 'Check out: one order per seller, one payment for the total',
        description:
          'Send `items` or `fromCart: true`, `paymentMethod`, and for each seller of physical goods a `delivery` option; `address` (or the saved one) for physical goods. Paid with credit at once (each seller order then waits for its seller, or is delivered when the seller confirms automatically); a QR method answers with ONE code for the total. An Idempotency-Key is required, as for orders; a checkout counts as one unpaid order against the cap.',
        headers: IdempotencyKeyHeader,
        body: PlaceCheckoutBody,
        response: { 201: Checkout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length === 0) {
        return sendError(reply, {
          code: 'IDEMPOTENCY_KEY_REQUIRED',
          message: 'send an Idempotency-Key header (8–128 printable characters, new for each checkout)',
        });
      }
      const result = await shop.payment.placeCheckout({
        shopperId: shopperId(request),
        idempotencyKey: key,
        items: request.body.items,
        fromCart: request.body.fromCart,
        paymentMethod: request.body.paymentMethod,
        delivery: request.body.delivery,
        address: request.body.address,
        coupon: request.body.coupon,
      });
      if (!result.ok) return sendError(reply, result.error);
      if (result.value.outcome !== 'created') reply.header('Idempotent-Replayed', result.value.outcome);
      const orders = result.value.orders.map((o) => o.snapshot);
      const payment = result.value.payment ? { payment: presentCheckoutQr(opts.publicBaseUrl, orders, result.value.payment) } : {};
      return reply.code(201).send({ ...presentCheckout(result.value.checkout, orders), ...payment });
    },
  );

  app.get(
    '/v1/checkouts/:checkoutNo',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['checkouts'],
        security: SECURITY.shopper,
        summary: 'One of my checkouts, with its seller orders',
        params: CheckoutNoParams,
        response: { 200: Checkout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await shop.payment.getCheckout(request.params.checkoutNo, shopperId(request));
      if (!found.ok) return sendError(reply, found.error);
      return presentCheckout(found.value.checkout, found.value.orders, found.value.refunds);
    },
  );

  app.post(
    '/v1/checkouts/:checkoutNo/pay',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['checkouts'],
        security: SECURITY.shopper,
        summary: "The checkout's QR code (asked for again when the provider was down)",
        params: CheckoutNoParams,
        response: { 200: Checkout, ...errorResponses },
      },
    },
    async (request, reply) => {
      const started = await shop.payment.startCheckoutQr(request.params.checkoutNo, shopperId(request));
      if (!started.ok) return sendError(reply, started.error);
      const { checkout, orders } = started.value;
      return { ...presentCheckout(checkout, orders), payment: presentCheckoutQr(opts.publicBaseUrl, orders, started.value) };
    },
  );
}
