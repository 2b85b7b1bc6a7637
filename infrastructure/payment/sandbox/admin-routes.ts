import { timingSafeEqual } from 'node:crypto';
import { FastifyInstance, FastifyReply } from 'fastify';
import { NotificationDispatcher } from './notification-dispatcher';
import { CORRUPTION_KINDS, InjectedFailure, SANDBOX_OPERATIONS, SandboxKnobs, SandboxOperation } from './sandbox-knobs';
import { CorruptionKind } from './sandbox-records';
import { SandboxService } from './sandbox-service';
import { TradeBook } from './trade-book';

export interface AdminContext {
  book: TradeBook;
  service: SandboxService;
  knobs: SandboxKnobs;
  dispatcher: NotificationDispatcher;
  rotatePlatformKey: () => Promise<{ serial: string }>;
  /** Every /sandbox call needs `Authorization: Bearer <token>` or `X-Sandbox-Token: <token>`. */
  adminToken: string;
}

const intBody = (name: string, minimum: number) => ({
  body: { type: 'object', required: [name], additionalProperties: false, properties: { [name]: { type: 'integer', minimum } } },
});

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const SANDBOX_TOKEN_HEADER = 'x-sandbox-token';

function presentedToken(headers: Record<string, string | string[] | undefined>): string {
  const own = headers[SANDBOX_TOKEN_HEADER];
  if (typeof own === 'string') return own;
  const auth = headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
}

/** A small HTTP face on the knobs, for demos driven from curl or a browser. Mounted under /sandbox. */
export function adminRoutes(ctx: AdminContext) {
  return async function register(app: FastifyInstance): Promise<void> {
    // curl -X POST sends no body, curl -d sends a form type: read any body, of any type, as JSON if there is one.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
      const text = String(body).trim();
      if (text === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(Object.assign(new Error('body is not JSON'), { statusCode: 400 }), undefined);
      }
    });
    // Anyone who reaches the port could otherwise pay any trade for nothing, or drop the shop's notifications.
    app.addHook('onRequest', async (req, reply) => {
      if (!sameSecret(presentedToken(req.headers), ctx.adminToken))
        return reply.code(401).send({ code: 'UNAUTHORIZED', message: 'sandbox admin token required (Authorization: Bearer … or X-Sandbox-Token)' });
    });
    const applied = (reply: FastifyReply) => reply.send({ ok: true, knobs: ctx.knobs.state() });
    const attempt = (reply: FastifyReply, change: () => void) => {
      try {
        change();
      } catch (e) {
        return reply.code(400).send({ code: 'PARAM_ERROR', message: (e as Error).message });
      }
      return applied(reply);
    };

    app.get('/trades', async () => ctx.book.trades());
    app.post('/platform-key/rotate', async () => ctx.rotatePlatformKey());
    app.get<{ Params: { outTradeNo: string } }>('/trades/:outTradeNo', async (req, reply) => {
      const t = ctx.book.trade(req.params.outTradeNo);
      return t ? t : reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: `no trade ${req.params.outTradeNo}` });
    });
    app.post<{ Params: { outTradeNo: string } }>('/trades/:outTradeNo/pay', async (req, reply) => {
      const paid = ctx.service.pay(req.params.outTradeNo);
      return paid.ok ? paid.value : reply.code(paid.error.status).send({ code: paid.error.code, message: paid.error.message });
    });
    app.post<{ Params: { outTradeNo: string } }>('/trades/:outTradeNo/pay-again', async (req, reply) => {
      const charged = ctx.service.payAgain(req.params.outTradeNo);
      return charged.ok ? charged.value : reply.code(charged.error.status).send({ code: charged.error.code, message: charged.error.message });
    });
    app.get('/refunds', async () => ctx.book.refunds());
    app.get('/notifications', async () => ctx.dispatcher.list());

    app.get('/knobs', async () => ctx.knobs.state());
    app.post('/knobs/reset', async (_req, reply) => attempt(reply, () => ctx.knobs.reset()));
    app.post<{ Body: { count: number } }>('/knobs/drop-notifications', { schema: intBody('count', 0) }, async (req, reply) =>
      attempt(reply, () => ctx.knobs.dropNotifications(req.body.count)),
    );
    app.post<{ Body: { times: number } }>('/knobs/duplicate-notifications', { schema: intBody('times', 1) }, async (req, reply) =>
      attempt(reply, () => ctx.knobs.duplicateNotifications(req.body.times)),
    );
    app.post<{ Body: { ms: number } }>('/knobs/delay-notifications', { schema: intBody('ms', 0) }, async (req, reply) =>
      attempt(reply, () => ctx.knobs.delayNotifications(req.body.ms)),
    );
    app.post<{ Body: { count: number; kind: CorruptionKind } }>(
      '/knobs/corrupt-notifications',
      {
        schema: {
          body: {
            type: 'object',
            required: ['count', 'kind'],
            additionalProperties: false,
            properties: { count: { type: 'integer', minimum: 0 }, kind: { type: 'string', enum: [...CORRUPTION_KINDS] } },
          },
        },
      },
      async (req, reply) => attempt(reply, () => ctx.knobs.corruptNotifications(req.body.count, req.body.kind)),
    );
    app.post<{ Body: { operation: SandboxOperation; count: number; status?: number; code?: string; message?: string; hang?: boolean } }>(
      '/knobs/fail',
      {
        schema: {
          body: {
            type: 'object',
            required: ['operation', 'count'],
            additionalProperties: false,
            properties: {
              operation: { type: 'string', enum: [...SANDBOX_OPERATIONS] },
              count: { type: 'integer', minimum: 0 },
              status: { type: 'integer', minimum: 400, maximum: 599 },
              code: { type: 'string', minLength: 1 },
              message: { type: 'string' },
              hang: { type: 'boolean' },
            },
          },
        },
      },
      async (req, reply) => {
        const b = req.body;
        if (!b.hang && (b.status === undefined || b.code === undefined)) {
          return reply.code(400).send({ code: 'PARAM_ERROR', message: 'give status and code, or hang: true' });
        }
        const failure: InjectedFailure = b.hang
          ? { hang: true }
          : { status: b.status as number, code: b.code as string, ...(b.message ? { message: b.message } : {}) };
        return attempt(reply, () => ctx.knobs.failNext(b.operation, b.count, failure));
      },
    );
  };
}
