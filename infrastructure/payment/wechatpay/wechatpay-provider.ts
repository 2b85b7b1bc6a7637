import { PaymentProvider, ProviderError, ProviderEvent, ProviderRefund, ProviderTrade, QrPaymentRequest, RefundRequest } from '../../../domain/payment';
import { NotificationHeaders, NotificationRejected, NotificationVerifier } from '../notification-verifier';
import { Result, err } from '../../../domain/shared/result';
import { parseWechatpayNotification } from './notification-parser';
import { formatBeijingTime } from './rfc3339';
import { TransportDeps } from './signed-transport';
import { NativeOrderBody, WechatPayClient } from './wechatpay-client';
import { WechatPayConfig } from './wechatpay-config';

const DESCRIPTION_MAX_CHARS = 127;
const ATTACH_MAX_CHARS = 128;

const rejectLocally = (message: string): Result<never, ProviderError> => err({ code: 'PROVIDER_REJECTED', message });

/** The PaymentProvider port over WeChat Pay API v3 Native (QR) payments, and the verifier of its notifications. */
export class WechatPayProvider implements PaymentProvider, NotificationVerifier {
  readonly name: string;
  readonly client: WechatPayClient;

  /** `name` lets the composition root register the same client, aimed at the sandbox gateway, as 'sandbox'. */
  constructor(configOrClient: WechatPayConfig | WechatPayClient, options: TransportDeps & { name?: string } = {}) {
    const { name, ...deps } = options;
    this.name = name ?? 'wechatpay';
    this.client = configOrClient instanceof WechatPayClient ? configOrClient : new WechatPayClient(configOrClient, deps);
  }

  async createQrPayment(request: QrPaymentRequest): Promise<Result<{ codeUrl: string }, ProviderError>> {
    const config = this.client.config;
    if (request.currency !== 'CNY') return rejectLocally(`WeChat Pay Native charges CNY only, not ${request.currency}`);
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) return rejectLocally(`amount must be a positive number of fen, got ${request.amount}`);
    if (request.attach !== undefined && [...request.attach].length > ATTACH_MAX_CHARS)
      return rejectLocally(`attach is longer than ${ATTACH_MAX_CHARS} characters`);
    const body: NativeOrderBody = {
      appid: config.appId,
      mchid: config.mchId,
      // A long product title must not make an order unpayable; the same order always truncates the same way,
      // so a retried re-order is still identical.
      description: [...request.description].slice(0, DESCRIPTION_MAX_CHARS).join(''),
      out_trade_no: request.outTradeNo,
      time_expire: formatBeijingTime(request.expiresAt),
      notify_url: config.notifyUrl,
      amount: { total: request.amount, currency: 'CNY' },
      ...(request.attach !== undefined ? { attach: request.attach } : {}),
    };
    return this.client.createNativeOrder(body);
  }

  query(outTradeNo: string, options: { once?: boolean } = {}): Promise<Result<ProviderTrade, ProviderError>> {
    return this.client.queryOrder(outTradeNo, options.once === true ? { maxRetries: 0 } : {});
  }

  async close(outTradeNo: string): Promise<Result<void, ProviderError>> {
    const closed = await this.client.closeOrder(outTradeNo);
    if (closed.ok || closed.error.code !== 'PROVIDER_REJECTED') return closed;
    // WeChat's code for "cannot close: already paid" has varied between API versions; the trade's own state is
    // the reliable answer, and the caller must not close locally an order the shopper has paid.
    const trade = await this.client.queryOrder(outTradeNo);
    if (trade.ok && (trade.value.tradeState === 'SUCCESS' || trade.value.tradeState === 'REFUND')) {
      return err({ ...closed.error, code: 'ALREADY_PAID', message: `trade ${outTradeNo} is paid and cannot be closed (${closed.error.message})` });
    }
    return closed;
  }

  refund(request: RefundRequest): Promise<Result<ProviderRefund, ProviderError>> {
    if (request.currency !== 'CNY') return Promise.resolve(rejectLocally(`WeChat Pay refunds CNY only, not ${request.currency}`));
    const config = this.client.config;
    return this.client.createRefund({
      // WeChat takes one of the two; a duplicate charge is only reachable by its own transaction id.
      ...(request.transactionId !== undefined ? { transaction_id: request.transactionId } : { out_trade_no: request.outTradeNo }),
      out_refund_no: request.outRefundNo,
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
      notify_url: config.refundNotifyUrl ?? config.notifyUrl,
      amount: { refund: request.refundAmount, total: request.totalAmount, currency: 'CNY' },
    });
  }

  queryRefund(outRefundNo: string): Promise<Result<ProviderRefund, ProviderError>> {
    return this.client.queryRefund(outRefundNo);
  }

  parseNotification(headers: NotificationHeaders, rawBody: Buffer, now: Date): Result<ProviderEvent, NotificationRejected> {
    const { config, platformKeys } = this.client.compiled;
    const parsed = parseWechatpayNotification({ appId: config.appId, mchId: config.mchId, apiV3Key: config.apiV3Key, platformKeys }, headers, rawBody, now);
    // Refused now (WeChat retries in 15 s); meanwhile the refresher looks for the new key, in the store or at WeChat.
    if (!parsed.ok && parsed.error.code === 'UNKNOWN_SERIAL') {
      const serial = headers['wechatpay-serial'];
      if (typeof serial === 'string' && serial !== '') this.client.reportUnknownSerial(serial);
    }
    return parsed;
  }
}
