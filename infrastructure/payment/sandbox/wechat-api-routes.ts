import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JsonObject, stringField } from '../wechatpay/json-shape';
import { hangRequest } from './hang-request';
import { MerchantIdentity, authenticateMerchant } from './merchant-authenticator';
import { OUT_TRADE_NO, parseBody, validateNativeOrder, validateRefund } from './order-validation';
import { IssuedPlatformKey } from './platform-certificate-issuer';
import { PlatformSigner } from './platform-signer';
import { SandboxKnobs, SandboxOperation } from './sandbox-knobs';
import { SandboxService } from './sandbox-service';
import { certificateEntry, refundJson, transactionJson } from './sandbox-wire';
import { TradeBook } from './trade-book';
import { WireError } from './wire-error';

export interface WechatApiContext {
  merchant: MerchantIdentity;
  appId: string;
  signer: PlatformSigner;
  book: TradeBook;
  service: SandboxService;
  knobs: SandboxKnobs;
  clock: () => Date;
  allowHttpNotifyUrl: boolean;
  codeUrlFor: (pageId: string) => string;
  /** Requests held open by a "hang" knob; released when the gateway closes. */
  hangs: Set<() => void>;
  /** The certificates `GET /v3/certificates` lists, and the APIv3 key they are encrypted under. */
  platformCertificates: () => ReadonlyArray<IssuedPlatformKey>;
  apiV3Key: string;
}

/** A request whose route declares the path parameters P (fastify only matches the route when they are present). */
type Req<P extends string = never> = FastifyRequest<{ Params: Record<P, string>; Querystring: Record<string, string | undefined> }>;

const sendError = (reply: FastifyReply, e: WireError): FastifyReply =>
  reply.code(e.status).send({ code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) });

/** The WeChat Pay v3 endpoints a Native merchant uses, with WeChat's checks, replies and error codes. */
export function wechatApiRoutes(ctx: WechatApiContext) {
  return async function register(app: FastifyInstance): Promise<void> {
    // Signatures cover the exact bytes: keep every body raw, whatever its content type.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    app.addHook('onSend', async (_req, reply, payload) => {
      const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.isBuffer(payload) ? payload : Buffer.alloc(0);
      for (const [name, value] of Object.entries(await ctx.signer.headers(body, ctx.clock()))) reply.header(name, value);
      return payload;
    });

    app.setErrorHandler((error: { statusCode?: number; message: string }, _req, reply) => {
      const status = error.statusCode ?? 500;
      if (status < 500) return sendError(reply, { status: 400, code: 'PARAM_ERROR', message: error.message });
      return sendError(reply, { status: 500, code: 'SYSTEM_ERROR', message: 'sandbox internal error' });
    });

    const rawBody = (req: FastifyRequest): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

    /** Signature first (as WeChat), then any injected failure; returns the merchant, or undefined once answered. */
    async function guard(req: FastifyRequest, reply: FastifyReply, op: SandboxOperation): Promise<string | undefined> {
      const who = authenticateMerchant(
        { method: req.method, url: req.url, authorization: req.headers.authorization, rawBody: rawBody(req) },
        ctx.merchant,
        ctx.clock(),
      );
      if (!who.ok) {
        sendError(reply, who.error);
        return undefined;
      }
      const failure = ctx.knobs.takeFailure(op);
      if (!failure) return who.value;
      if ('hang' in failure) {
        await hangRequest(req, reply, ctx.hangs);
        return undefined;
      }
      sendError(reply, { status: failure.status, code: failure.code, message: failure.message ?? `injected ${failure.code}` });
      return undefined;
    }

    function checkMchidParam(value: string | undefined, mchId: string, location: string): WireError | undefined {
      if (!value)
        return { status: 400, code: 'PARAM_ERROR', message: 'mchid is required', detail: { field: 'mchid', value: null, issue: 'is required', location } };
      if (value !== mchId) return { status: 403, code: 'NO_AUTH', message: `mchid ${value} is not the requesting merchant` };
      return undefined;
    }

    // The platform certificates in use (after a rotation: the old and the new one), each encrypted as WeChat does.
    app.get('/v3/certificates', async (req, reply) => {
      const mchId = await guard(req, reply, 'certificates');
      if (mchId === undefined) return reply;
      return reply.code(200).send({ data: ctx.platformCertificates().map((c) => certificateEntry(c, ctx.apiV3Key)) });
    });

    app.post('/v3/pay/transactions/native', async (req, reply) => {
      const mchId = await guard(req, reply, 'create');
      if (mchId === undefined) return reply;
      const body = parseBody(rawBody(req));
      if (!body.ok) return sendError(reply, body.error);
      const order = validateNativeOrder(body.value, ctx.clock(), ctx.allowHttpNotifyUrl);
      if (!order.ok) return sendError(reply, order.error);
      if (order.value.mchId !== mchId)
        return sendError(reply, { status: 403, code: 'NO_AUTH', message: `mchid ${order.value.mchId} is not the requesting merchant` });
      if (order.value.appId !== ctx.appId)
        return sendError(reply, { status: 400, code: 'APPID_MCHID_NOT_MATCH', message: `appid ${order.value.appId} is not bound to mchid ${mchId}` });
      const placed = ctx.book.placeOrder(order.value, ctx.codeUrlFor);
      if (!placed.ok) return sendError(reply, placed.error);
      return reply.code(200).send({ code_url: placed.value.codeUrl });
    });

    app.get('/v3/pay/transactions/out-trade-no/:outTradeNo', async (req: Req<'outTradeNo'>, reply) => {
      const mchId = await guard(req, reply, 'query');
      if (mchId === undefined) return reply;
      const bad = checkMchidParam(req.query.mchid, mchId, 'query');
      if (bad) return sendError(reply, bad);
      const trade = OUT_TRADE_NO.test(req.params.outTradeNo) ? ctx.book.trade(req.params.outTradeNo) : undefined;
      if (!trade) return sendError(reply, { status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      return reply.code(200).send(transactionJson(trade));
    });

    app.get('/v3/pay/transactions/id/:transactionId', async (req: Req<'transactionId'>, reply) => {
      const mchId = await guard(req, reply, 'query');
      if (mchId === undefined) return reply;
      const bad = checkMchidParam(req.query.mchid, mchId, 'query');
      if (bad) return sendError(reply, bad);
      const trade = ctx.book.tradeByTransactionId(req.params.transactionId);
      if (!trade) return sendError(reply, { status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      return reply.code(200).send(transactionJson(trade));
    });

    app.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', async (req: Req<'outTradeNo'>, reply) => {
      const mchId = await guard(req, reply, 'close');
      if (mchId === undefined) return reply;
      const body = parseBody(rawBody(req));
      if (!body.ok) return sendError(reply, body.error);
      const bad = checkMchidParam(stringField(body.value as JsonObject, 'mchid'), mchId, 'body');
      if (bad) return sendError(reply, bad);
      if (!OUT_TRADE_NO.test(req.params.outTradeNo)) return sendError(reply, { status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      const closed = ctx.book.close(req.params.outTradeNo);
      if (!closed.ok) return sendError(reply, closed.error);
      return reply.code(204).send();
    });

    app.post('/v3/refund/domestic/refunds', async (req, reply) => {
      const mchId = await guard(req, reply, 'refund');
      if (mchId === undefined) return reply;
      const body = parseBody(rawBody(req));
      if (!body.ok) return sendError(reply, body.error);
      const valid = validateRefund(body.value, ctx.allowHttpNotifyUrl);
      if (!valid.ok) return sendError(reply, valid.error);
      const refund = ctx.service.refund(valid.value, mchId);
      if (!refund.ok) return sendError(reply, refund.error);
      return reply.code(200).send(refundJson(refund.value));
    });

    app.get('/v3/refund/domestic/refunds/:outRefundNo', async (req: Req<'outRefundNo'>, reply) => {
      const mchId = await guard(req, reply, 'queryRefund');
      if (mchId === undefined) return reply;
      const refund = ctx.book.refund(req.params.outRefundNo);
      if (!refund || refund.mchId !== mchId) return sendError(reply, { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
      return reply.code(200).send(refundJson(refund));
    });
  };
}
