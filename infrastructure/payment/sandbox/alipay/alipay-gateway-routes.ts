import { KeyObject } from 'node:crypto';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatAlipayTime, parseAlipayTime } from '../../alipay/beijing-time';
import { minorOfYuan, yuanOf } from '../../alipay/yuan-amount';
import { minor } from '../../../../domain/shared/money';
import { hangRequest } from '../hang-request';
import { SandboxKnobs, SandboxOperation } from '../sandbox-knobs';
import { AlipayLedger, AlipayRefusal } from './alipay-ledger';
import { AlipayRefund, AlipayTrade } from './alipay-records';
import { rsa2Sign, rsa2Verify, signContent } from './alipay-signing';
import { queryReply } from './alipay-wire-replies';

export const ALIPAY_GATEWAY_PATH = '/alipay/gateway.do';

export interface AlipayGatewayContext {
  appId: string;
  appPublicKey: KeyObject;
  alipayKey: KeyObject;
  ledger: AlipayLedger;
  knobs: SandboxKnobs;
  clock: () => Date;
  codeUrlFor: (pageId: string) => string;
  /** A partial refund is notified (TRADE_SUCCESS with refund_fee), as Alipay does. */
  refunded: (trade: AlipayTrade, refund: AlipayRefund) => void;
  hangs: Set<() => void>;
}

type Answer = Record<string, unknown>;
const success = (fields: Record<string, unknown>): Answer => ({ code: '10000', msg: 'Success', ...fields });
const business = (r: AlipayRefusal): Answer => ({ code: '40004', msg: 'Business Failed', sub_code: r.subCode, sub_msg: r.subMsg });
const invalid = (subCode: string, subMsg: string, code = '40002', msg = 'Invalid Arguments'): Answer => ({ code, msg, sub_code: subCode, sub_msg: subMsg });

/** How far a request's timestamp may be from the gateway's clock. */
const TIMESTAMP_WINDOW_MS = 15 * 60_000;

const OPERATIONS: Readonly<Record<string, SandboxOperation>> = {
  'alipay.trade.precreate': 'create',
  'alipay.trade.query': 'query',
  'alipay.trade.close': 'close',
  'alipay.trade.refund': 'refund',
  'alipay.trade.fastpay.refund.query': 'queryRefund',
};

const str = (biz: Record<string, unknown>, key: string): string | undefined =>
  typeof biz[key] === 'string' && biz[key] !== '' ? (biz[key] as string) : undefined;

/** Common parameters in the query, biz_content in the form body (the SDK's split), or everything in either. */
function requestParams(req: FastifyRequest): Record<string, string> | null {
  const params: Record<string, string> = {};
  const query = new URLSearchParams(req.url.split('?')[1] ?? '');
  const body = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
  for (const [k, v] of [...query, ...body]) {
    if (Object.hasOwn(params, k)) return null;
    params[k] = v;
  }
  return params;
}

/** The Alipay OpenAPI 2.0 gateway (face-to-face payment's five methods), RSA2 both ways. */
export function alipayGatewayRoutes(ctx: AlipayGatewayContext) {
  const by = (biz: Record<string, unknown>) => {
    const outTradeNo = str(biz, 'out_trade_no');
    const tradeNo = str(biz, 'trade_no');
    return outTradeNo !== undefined ? { outTradeNo } : tradeNo !== undefined ? { tradeNo } : null;
  };

  const methods: Record<string, (biz: Record<string, unknown>, params: Record<string, string>) => Answer> = {
    'alipay.trade.precreate': (biz, params) => {
      const outTradeNo = str(biz, 'out_trade_no');
      const subject = str(biz, 'subject');
      const total = minorOfYuan(str(biz, 'total_amount'));
      if (!outTradeNo || !subject || str(biz, 'total_amount') === undefined)
        return invalid('isv.missing-parameter', 'out_trade_no, total_amount and subject are required', '40001', 'Missing Required Arguments');
      if (total === undefined || total <= 0) return invalid('isv.invalid-parameter', `total_amount "${str(biz, 'total_amount')}" is not an amount in yuan`);
      const expireText = str(biz, 'time_expire');
      const expireAt = expireText !== undefined ? parseAlipayTime(expireText) : undefined;
      if (expireText !== undefined && !expireAt) return invalid('isv.invalid-parameter', 'time_expire must be yyyy-MM-dd HH:mm:ss');
      const made = ctx.ledger.precreate({
        appId: ctx.appId,
        outTradeNo,
        total,
        subject,
        ...(params.notify_url ? { notifyUrl: params.notify_url } : {}),
        ...(expireText !== undefined && expireAt ? { timeExpire: { text: expireText, at: expireAt } } : {}),
      });
      return made.ok ? success({ out_trade_no: outTradeNo, qr_code: ctx.codeUrlFor(made.value.id) }) : business(made.error);
    },
    'alipay.trade.query': (biz) => {
      const key = by(biz);
      if (!key) return invalid('isv.missing-parameter', 'out_trade_no or trade_no is required', '40001', 'Missing Required Arguments');
      const t = ctx.ledger.visible(key);
      return t ? success(queryReply(t)) : business({ subCode: 'ACQ.TRADE_NOT_EXIST', subMsg: '交易不存在' });
    },
    'alipay.trade.close': (biz) => {
      const key = by(biz);
      if (!key) return invalid('isv.missing-parameter', 'out_trade_no or trade_no is required', '40001', 'Missing Required Arguments');
      const closed = ctx.ledger.close(key);
      return closed.ok ? success({ trade_no: closed.value.tradeNo, out_trade_no: closed.value.outTradeNo }) : business(closed.error);
    },
    'alipay.trade.refund': (biz) => {
      const key = by(biz);
      const amount = minorOfYuan(str(biz, 'refund_amount'));
      if (!key || amount === undefined) return invalid('isv.invalid-parameter', 'out_trade_no or trade_no, and refund_amount in yuan, are required');
      const outRequestNo = str(biz, 'out_request_no') ?? key.outTradeNo ?? key.tradeNo ?? '';
      const started = ctx.ledger.startRefund(key, outRequestNo, amount, str(biz, 'refund_reason'));
      if (!started.ok) return business(started.error);
      const { trade, refund, created } = started.value;
      if (created && trade.status === 'TRADE_SUCCESS') ctx.refunded(trade, refund);
      return success({
        trade_no: trade.tradeNo,
        out_trade_no: trade.outTradeNo,
        buyer_logon_id: trade.buyerLogonId,
        fund_change: created ? 'Y' : 'N',
        refund_fee: yuanOf(minor(trade.refunded)),
        gmt_refund_pay: formatAlipayTime(new Date(refund.at)),
      });
    },
    'alipay.trade.fastpay.refund.query': (biz) => {
      const key = by(biz);
      const outRequestNo = str(biz, 'out_request_no');
      if (!key || !outRequestNo)
        return invalid('isv.missing-parameter', 'out_trade_no or trade_no, and out_request_no, are required', '40001', 'Missing Required Arguments');
      const t = ctx.ledger.visible(key);
      if (!t) return business({ subCode: 'ACQ.TRADE_NOT_EXIST', subMsg: '交易不存在' });
      const r = ctx.ledger.refund(t.outTradeNo, outRequestNo);
      // Alipay's answer for a refund it does not know: Success, without refund_status.
      if (!r) return success({ out_trade_no: t.outTradeNo, trade_no: t.tradeNo, out_request_no: outRequestNo });
      const options = Array.isArray(biz.query_options) ? biz.query_options : [];
      return success({
        trade_no: t.tradeNo,
        out_trade_no: t.outTradeNo,
        out_request_no: r.outRequestNo,
        total_amount: yuanOf(minor(t.total)),
        refund_amount: yuanOf(minor(r.amount)),
        refund_status: 'REFUND_SUCCESS',
        ...(options.includes('gmt_refund_pay') ? { gmt_refund_pay: formatAlipayTime(new Date(r.at)) } : {}),
      });
    },
  };

  /** `{"<method>_response": {...}, "sign": "..."}`: RSA2 by the stand-in's Alipay key over the exact inner JSON. */
  const send = (reply: FastifyReply, method: string | undefined, answer: Answer) => {
    const key = method && methods[method] ? `${method.replaceAll('.', '_')}_response` : 'error_response';
    const inner = JSON.stringify(answer);
    return reply.type('application/json; charset=utf-8').send(`{"${key}":${inner},"sign":${JSON.stringify(rsa2Sign(inner, ctx.alipayKey))}}`);
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const params = requestParams(req);
    if (!params) return send(reply, undefined, invalid('isv.invalid-parameter', 'a parameter appears twice'));
    const method = params.method;
    if (!params.sign) return send(reply, method, invalid('isv.missing-signature', 'sign is required', '40001', 'Missing Required Arguments'));
    if (params.app_id !== ctx.appId) return send(reply, method, invalid('isv.invalid-app-id', `app_id ${params.app_id ?? ''} is not known here`));
    if (params.sign_type !== 'RSA2') return send(reply, method, invalid('isv.invalid-signature-type', 'sign_type must be RSA2'));
    if (!rsa2Verify(signContent(params, ['sign']), params.sign, ctx.appPublicKey))
      return send(reply, method, invalid('isv.invalid-signature', 'the RSA2 signature does not verify with the app public key'));
    if (params.charset !== 'utf-8') return send(reply, method, invalid('isv.invalid-charset', 'charset must be utf-8'));
    if (params.version !== '1.0') return send(reply, method, invalid('isv.invalid-version', 'version must be 1.0'));
    const stamped = parseAlipayTime(params.timestamp);
    if (!stamped || Math.abs(stamped.getTime() - ctx.clock().getTime()) > TIMESTAMP_WINDOW_MS)
      return send(reply, method, invalid('isv.invalid-timestamp', 'timestamp must be yyyy-MM-dd HH:mm:ss Beijing time, within 15 minutes'));
    const run = method ? methods[method] : undefined;
    const op = method ? OPERATIONS[method] : undefined;
    if (!run || !op) return send(reply, method, invalid('isv.invalid-method', `unknown method ${method ?? ''}`));
    let biz: unknown;
    try {
      biz = JSON.parse(params.biz_content ?? '{}');
    } catch {
      return send(reply, method, invalid('isv.invalid-parameter', 'biz_content is not JSON'));
    }
    if (typeof biz !== 'object' || biz === null || Array.isArray(biz))
      return send(reply, method, invalid('isv.invalid-parameter', 'biz_content is not a JSON object'));
    const failure = ctx.knobs.takeFailure(op);
    if (failure && 'hang' in failure) {
      await hangRequest(req, reply, ctx.hangs);
      return undefined;
    }
    if (failure && failure.status >= 500)
      return reply
        .code(failure.status)
        .type('text/plain')
        .send(failure.message ?? `injected ${failure.code}`);
    if (failure) return send(reply, method, business({ subCode: failure.code, subMsg: failure.message ?? `injected ${failure.code}` }));
    return send(reply, method, run(biz as Record<string, unknown>, params));
  };

  return async function register(app: FastifyInstance): Promise<void> {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.route({ method: ['GET', 'POST'], url: ALIPAY_GATEWAY_PATH, handler });
  };
}
