import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { AdjustmentBody, AdminAccount, LedgerEntry } from '../../schemas/account';
import { IdempotencyKeyHeader, SECURITY, UserIdParams, errorResponses } from '../../schemas/common';
import { presentAccount, presentLedgerEntry } from './account-presenters';

/** Admins adjust a shopper's credit and read their ledger. */
export async function adminAccountRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };

  app.post(
    '/v1/admin/accounts/:userId/adjustments',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: "Give or take a shopper's credit",
        description: 'An optional Idempotency-Key becomes the ledger reference: the same key never posts twice.',
        params: UserIdParams,
        headers: IdempotencyKeyHeader,
        body: AdjustmentBody,
        response: { 201: LedgerEntry, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await shop.account.adjustCredit({
        userId: request.params.userId,
        amount: request.body.amount,
        reason: request.body.reason,
        reference: typeof key === 'string' && key.length > 0 ? key.slice(0, 100) : undefined,
      });
      return result.ok ? reply.code(201).send(presentLedgerEntry(result.value)) : sendError(reply, result.error);
    },
  );

  app.get(
    '/v1/admin/accounts/:userId',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: "A shopper's balance and ledger", params: UserIdParams, response: { 200: AdminAccount, ...errorResponses } },
    },
    async (request) => {
      const account = await shop.account.getAccount(request.params.userId);
      const ledger = await shop.account.getLedger(request.params.userId);
      return { ...presentAccount(account), ledger: ledger.map(presentLedgerEntry) };
    },
  );
}
