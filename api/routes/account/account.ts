import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { Account, LedgerEntry } from '../../schemas/account';
import { Nullable, SECURITY, errorResponses } from '../../schemas/common';
import { sendError } from '../../errors';
import { presentAccount, presentLedgerEntry } from './account-presenters';

export async function accountRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const shopper = { tags: ['account'], security: SECURITY.shopper };
  app.get(
    '/v1/account',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'My credit balance', response: { 200: Account, ...errorResponses } } },
    async (request) => presentAccount(await shop.account.getAccount(shopperId(request))),
  );
  app.get(
    '/v1/account/ledger',
    {
      onRequest: access.shopper,
      schema: { ...shopper, summary: 'My credit ledger, newest first', response: { 200: Type.Object({ items: Type.Array(LedgerEntry) }), ...errorResponses } },
    },
    async (request) => ({ items: (await shop.account.getLedger(shopperId(request))).map(presentLedgerEntry) }),
  );
  app.put(
    '/v1/account/email',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Set where my notices go by mail too',
        description: 'null stops the mail. Mail is sent only when the shop has an SMTP server configured.',
        body: Type.Object({ email: Nullable(Type.String({ maxLength: 191 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ email: Nullable(Type.String()) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await shop.account.setShopperEmail(shopperId(request), request.body.email);
      return result.ok ? result.value : sendError(reply, result.error);
    },
  );
}
