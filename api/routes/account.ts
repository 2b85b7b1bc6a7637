import { FastifyInstance } from 'fastify';
import { Shop } from '../../domain/shop';
import { AuthHandlers, shopperId } from '../auth';
import { presentAccount, presentLedgerEntry } from '../presenters';

export async function accountRoutes(app: FastifyInstance, opts: { shop: Shop; auth: AuthHandlers }): Promise<void> {
  const { shop, auth } = opts;
  app.get('/v1/account', { preHandler: auth.shopper }, async (request) => presentAccount(await shop.getAccount(shopperId(request))));
  app.get('/v1/account/ledger', { preHandler: auth.shopper }, async (request) => ({
    items: (await shop.getLedger(shopperId(request))).map(presentLedgerEntry),
  }));
}
