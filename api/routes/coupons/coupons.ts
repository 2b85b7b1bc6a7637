import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { PagingQuery, SECURITY, errorResponses, paging } from '../../schemas/common';
import {
  Coupon,
  CouponCodeParams,
  CouponPage,
  CouponPreview,
  CouponReport,
  CreateCouponBody,
  PreviewCouponBody,
  UpdateCouponBody,
} from '../../schemas/coupons';
import { presentCoupon, presentCouponPreview, presentCouponReport } from './coupon-presenters';

/** Admins issue, change, switch off and read coupons; a shopper sees what one would take off before placing. */
export async function couponRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.post(
    '/v1/admin/coupons',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: 'Issue a coupon', body: CreateCouponBody, response: { 201: Coupon, ...errorResponses } },
    },
    async (request, reply) => {
      const created = await shop.coupons.createCoupon(request.body);
      return created.ok ? reply.code(201).send(presentCoupon(created.value)) : sendError(reply, created.error);
    },
  );

  app.get(
    '/v1/admin/coupons',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Coupons, newest first',
        querystring: Type.Object({ ...PagingQuery, active: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }),
        response: { 200: CouponPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { active } = request.query;
      const page = await shop.coupons.listCoupons({ ...paging(request.query), active: active === undefined ? null : active === 'true' });
      return page.ok ? { ...page.value, items: page.value.items.map(presentCoupon) } : sendError(reply, page.error);
    },
  );

  app.get(
    '/v1/admin/coupons/:code',
    { onRequest: access.admin, schema: { ...admin, summary: 'One coupon', params: CouponCodeParams, response: { 200: Coupon, ...errorResponses } } },
    async (request, reply) => {
      const found = await shop.coupons.getCoupon(request.params.code);
      return found.ok ? presentCoupon(found.value) : sendError(reply, found.error);
    },
  );

  app.patch(
    '/v1/admin/coupons/:code',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Change a coupon (or switch it off: active false)',
        description: 'Any of the terms but the code. Purchases already holding the coupon keep their discount.',
        params: CouponCodeParams,
        body: UpdateCouponBody,
        response: { 200: Coupon, ...errorResponses },
      },
    },
    async (request, reply) => {
      const updated = await shop.coupons.updateCoupon(request.params.code, request.body);
      return updated.ok ? presentCoupon(updated.value) : sendError(reply, updated.error);
    },
  );

  app.get(
    '/v1/admin/coupons/:code/report',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'How a coupon did: uses, released uses, paid orders, discount given, revenue',
        params: CouponCodeParams,
        response: { 200: CouponReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await shop.coupons.couponReport(request.params.code);
      return report.ok ? presentCouponReport(report.value) : sendError(reply, report.error);
    },
  );

  app.post(
    '/v1/coupons/preview',
    {
      onRequest: access.shopper,
      schema: {
        tags: ['orders'],
        security: SECURITY.shopper,
        summary: 'What a coupon would take off my cart (or these items)',
        description: 'Nothing is held: the coupon is counted when an order or checkout is placed with it (`coupon` in their body).',
        body: PreviewCouponBody,
        response: { 200: CouponPreview, ...errorResponses },
      },
    },
    async (request, reply) => {
      const preview = await shop.ordering.previewCoupon({
        shopperId: shopperId(request),
        coupon: request.body.coupon,
        items: request.body.items,
        paymentMethod: request.body.paymentMethod,
      });
      return preview.ok ? presentCouponPreview(preview.value) : sendError(reply, preview.error);
    },
  );
}
