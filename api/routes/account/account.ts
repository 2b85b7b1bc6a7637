import { FastifyInstance } from 'fastify';
import { shopperId } from '../../auth';
import { RouteDeps } from '../../context-routes';
import { presentAccount, presentLedgerEntry } from './account-presenters';

export async function accountRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  app.get('/v1/account', { preHandler: auth.shopper }, async (request) => presentAccount(await shop.account.getAccount(shopperId(request))));
  app.get('/v1/account/ledger', { preHandler: auth.shopper }, async (request) => ({
    items: (await shop.account.getLedger(shopperId(request))).map(presentLedgerEntry),
  }));
}
