import { FastifyInstance } from 'fastify';
import { renderNotFoundPage, renderPayPage, renderResultPage } from './pay-page';
import { SandboxService } from './sandbox-service';
import { TradeBook } from './trade-book';

type PageReq = { Params: { id: string } };

/** The shopper's side: GET shows the order, POST pay / cancel act on it and show the result. */
export function payPageRoutes(book: TradeBook, service: SandboxService) {
  return async function register(app: FastifyInstance): Promise<void> {
    // The forms post urlencoded bodies with nothing we need in them.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    app.get<PageReq>('/pay/:id', async (req, reply) => {
      const t = book.tradeByPageId(req.params.id);
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
      return t ? reply.send(renderPayPage(t)) : reply.code(404).send(renderNotFoundPage());
    });

    app.post<PageReq>('/pay/:id/pay', async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
      const t = book.tradeByPageId(req.params.id);
      if (!t) return reply.code(404).send(renderNotFoundPage());
      const paid = service.pay(t.outTradeNo);
      if (!paid.ok) return reply.code(409).send(renderResultPage(t, 'refused', paid.error.message));
      return reply.send(renderResultPage(paid.value, 'paid'));
    });

    // As in WeChat, a shopper who backs out leaves the order unpaid; closing it is the merchant's call.
    app.post<PageReq>('/pay/:id/cancel', async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
      const t = book.tradeByPageId(req.params.id);
      if (!t) return reply.code(404).send(renderNotFoundPage());
      return reply.send(renderResultPage(t, 'cancelled'));
    });
  };
}
