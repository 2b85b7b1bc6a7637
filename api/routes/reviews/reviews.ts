import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { IdParams, OrderNoParams, PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import { AdminReview, AdminReviewPage, ProductReviews, Review, WriteReviewBody } from '../../schemas/reviews';
import { presentAdminReview, presentProductReviews, presentReview } from './review-presenters';

/** Shoppers rate what they received and read a product's reviews; admins list and hide them. */
export async function reviewRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;

  app.get(
    '/v1/products/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: "A product's rating and newest reviews",
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$', description: 'newest reviews to show, 1–50 (default 10)' })),
        }),
        response: { 200: ProductReviews, ...errorResponses },
      },
    },
    async (request) => presentProductReviews(await shop.reviews.productReviews(Number(request.params.id), Number(request.query.limit ?? 10))),
  );

  app.post(
    '/v1/orders/:orderNo/reviews',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['reviews'],
        security: SECURITY.shopper,
        summary: 'Rate a product I received (once per order line)',
        description: 'Only lines of my own order that was delivered (and not refunded in full); 409 REVIEW_EXISTS for a second review of the same line.',
        params: OrderNoParams,
        body: WriteReviewBody,
        response: { 201: Review, ...errorResponses },
      },
    },
    async (request, reply) => {
      const written = await shop.reviews.writeReview({
        userId: shopperId(request),
        authorName: request.shopper?.firstName ?? '',
        orderNo: request.params.orderNo,
        lineNo: request.body.lineNo,
        rating: request.body.rating,
        text: request.body.text,
      });
      return written.ok ? reply.code(201).send(presentReview(written.value)) : sendError(reply, written.error);
    },
  );

  const admin = { tags: ['admin'], security: SECURITY.admin };
  app.get(
    '/v1/admin/reviews',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Reviews, newest first (hidden ones too)',
        querystring: Type.Object({
          ...PagingQuery,
          hidden: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'only hidden (true) or only visible (false)' })),
          productId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
        }),
        response: { 200: AdminReviewPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { hidden, productId } = request.query;
      const page = await shop.reviews.listReviews({
        ...paging(request.query),
        hidden: hidden === undefined ? null : hidden === 'true',
        productId: productId === undefined ? null : Number(productId),
      });
      return page.ok ? { ...page.value, items: page.value.items.map(presentAdminReview) } : sendError(reply, page.error);
    },
  );
  for (const [action, hidden] of [
    ['hide', true],
    ['show', false],
  ] as const) {
    app.post(
      `/v1/admin/reviews/:id/${action}`,
      {
        onRequest: access.admin,
        schema: {
          ...admin,
          summary: hidden ? 'Hide an abusive review (out of every average and list)' : 'Show a hidden review again',
          params: IdParams,
          response: { 200: AdminReview, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await shop.reviews.setReviewHidden(Number(request.params.id), hidden);
        return result.ok ? presentAdminReview(result.value) : sendError(reply, result.error);
      },
    );
  }
}
