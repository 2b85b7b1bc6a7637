import { ProviderError, ProviderRefund, ProviderTrade } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { parseJsonObject, stringField } from './json-shape';
import { PlatformCertificate, decodeCertificateList } from './platform-certificates';
import { SendOptions, SignedTransport, TransportDeps, VerifiedReply } from './signed-transport';
import { CompiledWechatPayConfig, WechatPayConfig, compileWechatPayConfig } from './wechatpay-config';
import { toProviderRefund, toProviderTrade } from './wire-mapping';

/** Body of `POST /v3/pay/transactions/native`, field names as on the wire. */
export interface NativeOrderBody {
  appid: string;
  mchid: string;
  description: string;
  out_trade_no: string;
  notify_url: string;
  amount: { total: number; currency: 'CNY' };
  time_expire?: string;
  attach?: string;
}

/** Body of `POST /v3/refund/domestic/refunds`: the trade by out_trade_no, or one transaction of it by transaction_id. */
export type RefundBody = ({ out_trade_no: string } | { transaction_id: string }) & {
  out_refund_no: string;
  reason?: string;
  notify_url?: string;
  amount: { refund: number; total: number; currency: 'CNY' };
};

const invalid = (what: string, reply: VerifiedReply): ProviderError => ({
  code: 'INVALID_RESPONSE',
  message: `WeChat Pay ${what}${reply.requestId ? ` (Request-ID ${reply.requestId})` : ''}`,
  httpStatus: reply.status,
});

/** WeChat Pay API v3 for Native payments: every request signed, every reply verified, retryable failures retried. */
export class WechatPayClient {
  readonly compiled: CompiledWechatPayConfig;
  private readonly transport: SignedTransport;

  constructor(config: WechatPayConfig, deps: TransportDeps = {}) {
    const compiled = compileWechatPayConfig(config);
    if (!compiled.ok) throw new Error(`invalid WeChat Pay configuration: ${compiled.error}`);
    this.compiled = compiled.value;
    this.transport = new SignedTransport(this.compiled, deps);
    this.transport.onUnknownSerial = (serial) => this.unknownSerial(serial);
  }

  get config(): WechatPayConfig {
    return this.compiled.config;
  }

  /** Who to tell when a reply or a notification is signed by a platform serial the ring does not know. */
  onUnknownSerial(listener: (serial: string) => void): void {
    this.unknownSerial = listener;
  }

  /** A notification came signed by a serial the ring does not know (the provider's verifier says so). */
  reportUnknownSerial(serial: string): void {
    this.unknownSerial(serial);
  }

  private unknownSerial: (serial: string) => void = () => undefined;

  /**
   * The platform certificates WeChat signs with now (`GET /v3/certificates`), decrypted and checked. The reply is
   * verified with the keys already trusted or with one of the certificates it brings (how a rotation is learned).
   */
  async downloadCertificates(now: () => Date = () => new Date()): Promise<Result<PlatformCertificate[], ProviderError>> {
    const apiV3Key = this.config.apiV3Key;
    const decode = (raw: Buffer) => decodeCertificateList(raw, apiV3Key, now());
    const reply = await this.transport.send('GET', '/v3/certificates', undefined, {
      trustAlso: (raw) => {
        const list = decode(raw);
        return list.ok ? list.value : [];
      },
    });
    if (!reply.ok) return reply;
    const list = decode(reply.value.rawBody);
    return list.ok ? ok(list.value) : err(invalid(`certificate list rejected: ${list.error}`, reply.value));
  }

  async createNativeOrder(body: NativeOrderBody): Promise<Result<{ codeUrl: string }, ProviderError>> {
    const reply = await this.transport.send('POST', '/v3/pay/transactions/native', body);
    if (!reply.ok) return reply;
    const json = parseJsonObject(reply.value.rawBody.toString('utf8'));
    const codeUrl = json ? stringField(json, 'code_url') : undefined;
    if (!codeUrl) return err(invalid('create-order reply has no code_url', reply.value));
    return ok({ codeUrl });
  }

  async queryOrder(outTradeNo: string, options: SendOptions = {}): Promise<Result<ProviderTrade, ProviderError>> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchId)}`;
    const reply = await this.transport.send('GET', path, undefined, options);
    if (!reply.ok) return reply;
    const json = parseJsonObject(reply.value.rawBody.toString('utf8'));
    if (!json) return err(invalid('query reply is not a JSON object', reply.value));
    const trade = toProviderTrade(json);
    if (!trade.ok) return err(invalid(`query reply: ${trade.error}`, reply.value));
    // A signed reply about another order or merchant means something upstream is badly wrong; never act on it.
    if (trade.value.outTradeNo !== outTradeNo) return err(invalid(`query reply is about out_trade_no ${trade.value.outTradeNo}`, reply.value));
    if (trade.value.mchId !== undefined && trade.value.mchId !== this.config.mchId)
      return err(invalid(`query reply names mchid ${trade.value.mchId}`, reply.value));
    if (trade.value.appId !== undefined && trade.value.appId !== this.config.appId)
      return err(invalid(`query reply names appid ${trade.value.appId}`, reply.value));
    return trade;
  }

  async closeOrder(outTradeNo: string): Promise<Result<void, ProviderError>> {
    const reply = await this.transport.send('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.config.mchId });
    return reply.ok ? ok(undefined) : reply;
  }

  async createRefund(body: RefundBody): Promise<Result<ProviderRefund, ProviderError>> {
    const reply = await this.transport.send('POST', '/v3/refund/domestic/refunds', body);
    return this.refundFrom(reply, body.out_refund_no);
  }

  async queryRefund(outRefundNo: string): Promise<Result<ProviderRefund, ProviderError>> {
    const reply = await this.transport.send('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
    return this.refundFrom(reply, outRefundNo);
  }

  private refundFrom(reply: Result<VerifiedReply, ProviderError>, outRefundNo: string): Result<ProviderRefund, ProviderError> {
    if (!reply.ok) return reply;
    const json = parseJsonObject(reply.value.rawBody.toString('utf8'));
    if (!json) return err(invalid('refund reply is not a JSON object', reply.value));
    const refund = toProviderRefund(json, 'status');
    if (!refund.ok) return err(invalid(`refund reply: ${refund.error}`, reply.value));
    if (refund.value.outRefundNo !== outRefundNo) return err(invalid(`refund reply is about out_refund_no ${refund.value.outRefundNo}`, reply.value));
    return refund;
  }
}
