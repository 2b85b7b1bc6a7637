import { FastifyInstance } from 'fastify';
import { ProductInput } from '../../domain/catalog/product-draft';
import { Shop } from '../../domain/shop';
import { AuthHandlers } from '../auth';
import { sendError } from '../errors';
import { presentLedgerEntry, presentOrderForAdmin, presentProductForAdmin } from '../presenters';
import { createProductBody, idParam, orderNoParam, pagingQuery, updateProductBody } from '../schemas';

export async function adminRoutes(app: FastifyInstance, opts: { shop: Shop; auth: AuthHandlers }): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

  app.get<{ Querystring: { q?: string; page?: string; pageSize?: string } }>(
    '/v1/admin/products',
    { schema: { querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 100 }, ...pagingQuery } } } },
    async (request, reply) => {
      const { q, page, pageSize } = request.query;
      const result = await shop.browseProducts({
        q,
        page: page ? Number(page) : undefined,
        pageSize: pageSize ? Number(pageSize) : undefined,
        includeHidden: true,
      });
      if (!result.ok) return sendError(reply, result.error);
      return { items: result.value.items.map(presentProductForAdmin), total: result.value.total, page: result.value.page, pageSize: result.value.pageSize };
    },
  );

  app.post<{ Body: ProductInput }>('/v1/admin/products', { schema: { body: createProductBody } }, async (request, reply) => {
    const result = await shop.createProduct(request.body);
    return result.ok ? reply.code(201).send(presentProductForAdmin(result.value)) : sendError(reply, result.error);
  });

  app.patch<{ Params: { id: string }; Body: ProductInput }>(
    '/v1/admin/products/:id',
    { schema: { params: idParam, body: updateProductBody } },
    async (request, reply) => {
      const result = await shop.updateProduct(Number(request.params.id), request.body);
      return result.ok ? presentProductForAdmin(result.value) : sendError(reply, result.error);
    },
  );

  app.post<{ Params: { id: string }; Body: { codes: string[] } }>(
    '/v1/admin/products/:id/codes',
    {
      schema: {
        params: idParam,
        body: {
          type: 'object',
          required: ['codes'],
          additionalProperties: false,
          properties: { codes: { type: 'array', minItems: 1, maxItems: 10000, items: { type: 'string', minLength: 1, maxLength: 255 } } },
        },
      },
    },
    async (request, reply) => {
      const result = await shop.addCodes(Number(request.params.id), request.body.codes);
      return result.ok ? reply.code(201).send(result.value) : sendError(reply, result.error);
    },
  );

  app.post<{ Params: { userId: string }; Body: { amount: number; reason: string } }>(
    '/v1/admin/accounts/:userId/adjustments',
    {
      schema: {
        params: { type: 'object', required: ['userId'], properties: { userId: { type: 'string', pattern: '^[0-9]{1,20}$' } } },
        body: {
          type: 'object',
          required: ['amount', 'reason'],
          additionalProperties: false,
          properties: { amount: { type: 'integer' }, reason: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await shop.adjustCredit({
        userId: request.params.userId,
        amount: request.body.amount,
        reason: request.body.reason,
        reference: typeof key === 'string' && key.length > 0 ? key.slice(0, 100) : undefined,
      });
      return result.ok ? reply.code(201).send(presentLedgerEntry(result.value)) : sendError(reply, result.error);
    },
  );

  app.get<{ Params: { userId: string } }>(
    '/v1/admin/accounts/:userId',
    { schema: { params: { type: 'object', required: ['userId'], properties: { userId: { type: 'string', pattern: '^[0-9]{1,20}$' } } } } },
    async (request) => {
      const account = await shop.getAccount(request.params.userId);
      const ledger = await shop.getLedger(request.params.userId);
      return { userId: account.userId, balance: { amount: account.balance, currency: account.currency }, ledger: ledger.map(presentLedgerEntry) };
    },
  );

  app.get<{ Querystring: { status?: string; page?: string; pageSize?: string } }>(
    '/v1/admin/orders',
    { schema: { querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', maxLength: 32 }, ...pagingQuery } } } },
    async (request, reply) => {
      const { status, page, pageSize } = request.query;
      const result = await shop.listOrders({ status, page: page ? Number(page) : undefined, pageSize: pageSize ? Number(pageSize) : undefined });
      return result.ok ? { items: result.value.items.map((o) => presentOrderForAdmin(o)), total: result.value.total } : sendError(reply, result.error);
    },
  );

  app.post<{ Params: { orderNo: string }; Body: { amount?: number; reason?: string } }>(
    '/v1/admin/orders/:orderNo/refunds',
    {
      schema: {
        params: orderNoParam,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { amount: { type: 'integer', minimum: 1 }, reason: { type: 'string', minLength: 1, maxLength: 80 } },
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await shop.refundOrder({
        orderNo: request.params.orderNo,
        amount: request.body.amount,
        reason: request.body.reason ?? 'refund',
        requestId: typeof key === 'string' && key.length > 0 ? key : undefined,
      });
      if (!result.ok) return sendError(reply, result.error);
      const r = result.value;
      const details = await shop.getOrder(request.params.orderNo, null);
      return reply.code(201).send({
        refund: {
          outRefundNo: r.outRefundNo,
          amount: { amount: r.amount, currency: r.currency },
          status: r.status,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        },
        order: details.ok ? presentOrderForAdmin(details.value.order, details.value) : null,
      });
    },
  );

  app.post<{ Params: { orderNo: string }; Body: { note?: string } | undefined }>(
    '/v1/admin/orders/:orderNo/fulfil',
    {
      schema: {
        params: orderNoParam,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } },
      },
    },
    async (request, reply) => {
      const result = await shop.fulfilOrder(request.params.orderNo, request.body?.note?.trim() || null);
      if (!result.ok) return sendError(reply, result.error);
      const details = await shop.getOrder(request.params.orderNo, null);
      return details.ok ? { outcome: result.value, order: presentOrderForAdmin(details.value.order, details.value) } : sendError(reply, details.error);
    },
  );
}
