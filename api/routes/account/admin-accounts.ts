import { FastifyInstance } from 'fastify';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { presentLedgerEntry } from './account-presenters';

/** Admins adjust a shopper's credit and read their ledger. */
export async function adminAccountRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.addHook('preHandler', auth.admin);

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
      const result = await shop.account.adjustCredit({
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
      const account = await shop.account.getAccount(request.params.userId);
      const ledger = await shop.account.getLedger(request.params.userId);
      return { userId: account.userId, balance: { amount: account.balance, currency: account.currency }, ledger: ledger.map(presentLedgerEntry) };
    },
  );
}
