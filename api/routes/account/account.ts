import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { Account, EmailBody, EmailSetting, LedgerEntry } from '../../schemas/account';
import { SECURITY, errorResponses } from '../../schemas/common';
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
  app.get(
    '/v1/account/email',
    { onRequest: access.shopper, schema: { ...shopper, summary: 'Where my notices are also mailed', response: { 200: EmailSetting, ...errorResponses } } },
    async (request) => ({ email: await shop.account.emailOf(shopperId(request)) }),
  );
  app.put(
    '/v1/account/email',
    {
      onRequest: access.shopper,
      schema: {
        ...shopper,
        summary: 'Mail my notices to this address too (null: stop)',
        description: "Order, refund and seller notices are mailed in the shopper's language when the shop has SMTP configured.",
        body: EmailBody,
        response: { 200: EmailSetting, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await shop.account.setEmail(shopperId(request), request.body.email);
      return saved.ok ? { email: saved.value } : sendError(reply, saved.error);
    },
  );
}
