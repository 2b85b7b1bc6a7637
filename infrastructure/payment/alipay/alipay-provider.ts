import { PaymentProvider, ProviderError, ProviderEvent, ProviderRefund, ProviderTrade, QrPaymentRequest, RefundRequest } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { NotificationHeaders, NotificationRejected, NotificationVerifier } from '../notification-verifier';
import { AlipayClient, AlipayClientDeps, text } from './alipay-client';
import { AlipayConfig } from './alipay-config';
import { parseAlipayNotification } from './alipay-notification-parser';
import { ALIPAY_CURRENCY, toProviderRefund, toProviderTrade } from './alipay-wire';
import { formatAlipayTime } from './beijing-time';
import { yuanOf } from './yuan-amount';

const SUBJECT_MAX_CHARS = 256;
const REFUND_REASON_MAX_CHARS = 256;

const rejectLocally = (message: string): Result<never, ProviderError> => err({ code: 'PROVIDER_REJECTED', message });

/**
 * The PaymentProvider port over Alipay face-to-face payment (当面付: precreate → qr_code), and the verifier of its
 * notifications. out_trade_no is the order number, so a repeated precreate is the same trade, and out_request_no the
 * refund number, so a repeated refund is the same refund.
 */
export class AlipayProvider implements PaymentProvider, NotificationVerifier {
  readonly name: string;
  readonly client: AlipayClient;

  /** `name` lets the composition root register the same adapter, aimed at the sandbox gateway, as 'sandbox-alipay'. */
  constructor(config: AlipayConfig, options: AlipayClientDeps & { name?: string } = {}) {
    const { name, ...deps } = options;
    this.name = name ?? 'alipay';
    this.client = new AlipayClient(config, deps);
  }

  async createQrPayment(request: QrPaymentRequest): Promise<Result<{ codeUrl: string }, ProviderError>> {
    if (request.currency !== ALIPAY_CURRENCY) return rejectLocally(`Alipay face-to-face charges CNY only, not ${request.currency}`);
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) return rejectLocally(`amount must be a positive number of fen, got ${request.amount}`);
    const created = await this.client.call(
      'alipay.trade.precreate',
      {
        out_trade_no: request.outTradeNo,
        total_amount: yuanOf(request.amount),
        // The same order always truncates the same way, so a repeated precreate is still the same trade.
        subject: [...request.description].slice(0, SUBJECT_MAX_CHARS).join(''),
        time_expire: formatAlipayTime(request.expiresAt),
      },
      { notifyUrl: this.client.config.notifyUrl },
    );
    if (!created.ok) return created;
    const qrCode = text(created.value, 'qr_code');
    if (!qrCode) return err({ code: 'INVALID_RESPONSE', message: 'Alipay precreate answered without a qr_code' });
    return ok({ codeUrl: qrCode });
  }

  async query(outTradeNo: string, options: { once?: boolean } = {}): Promise<Result<ProviderTrade, ProviderError>> {
    const answer = await this.client.call('alipay.trade.query', { out_trade_no: outTradeNo }, options.once === true ? { maxRetries: 0 } : {});
    if (!answer.ok) return answer;
    const trade = toProviderTrade(answer.value, outTradeNo);
    return trade.ok ? trade : err({ code: 'INVALID_RESPONSE', message: trade.error });
  }

  async close(outTradeNo: string): Promise<Result<void, ProviderError>> {
    const closed = await this.client.call('alipay.trade.close', { out_trade_no: outTradeNo });
    if (closed.ok) return ok(undefined);
    if (closed.error.code !== 'PROVIDER_REJECTED') return closed;
    // ACQ.TRADE_STATUS_ERROR is Alipay's answer for both "paid" and "closed already": the trade itself says which,
    // and the caller must not close locally an order the shopper has paid.
    const trade = await this.query(outTradeNo);
    if (trade.ok && (trade.value.tradeState === 'SUCCESS' || trade.value.tradeState === 'REFUND'))
      return err({ ...closed.error, code: 'ALREADY_PAID', message: `trade ${outTradeNo} is paid and cannot be closed (${closed.error.message})` });
    if (trade.ok && trade.value.tradeState === 'CLOSED') return err({ ...closed.error, code: 'ORDER_CLOSED' });
    return closed;
  }

  async refund(request: RefundRequest): Promise<Result<ProviderRefund, ProviderError>> {
    if (request.currency !== ALIPAY_CURRENCY) return rejectLocally(`Alipay refunds CNY only, not ${request.currency}`);
    const answer = await this.client.call('alipay.trade.refund', {
      // One trade per out_trade_no at Alipay; a charge named by its trade_no is that same trade.
      ...(request.transactionId !== undefined ? { trade_no: request.transactionId } : { out_trade_no: request.outTradeNo }),
      refund_amount: yuanOf(request.refundAmount),
      out_request_no: request.outRefundNo,
      ...(request.reason !== undefined ? { refund_reason: [...request.reason].slice(0, REFUND_REASON_MAX_CHARS).join('') } : {}),
    });
    if (!answer.ok) return answer;
    // fund_change Y: money moved by this call. N: a repeat of a refund already made, or one still settling — the
    // refund query is the word on it.
    if (text(answer.value, 'fund_change') === 'Y') {
      const tradeNo = text(answer.value, 'trade_no');
      return ok({
        outRefundNo: request.outRefundNo,
        outTradeNo: request.outTradeNo,
        status: 'SUCCESS',
        refundAmount: request.refundAmount,
        totalAmount: request.totalAmount,
        ...(tradeNo ? { refundId: `${tradeNo}:${request.outRefundNo}` } : {}),
      });
    }
    const queried = await this.queryRefund(request.outRefundNo, request.outTradeNo);
    if (queried.ok) return queried;
    return queried.error.code === 'ORDER_NOT_EXIST' || queried.error.code === 'PROVIDER_UNAVAILABLE'
      ? ok({ outRefundNo: request.outRefundNo, outTradeNo: request.outTradeNo, status: 'PROCESSING' })
      : queried;
  }

  async queryRefund(outRefundNo: string, outTradeNo: string): Promise<Result<ProviderRefund, ProviderError>> {
    const answer = await this.client.call('alipay.trade.fastpay.refund.query', {
      out_trade_no: outTradeNo,
      out_request_no: outRefundNo,
      query_options: ['gmt_refund_pay'],
    });
    if (!answer.ok) return answer;
    const refund = toProviderRefund(answer.value, outRefundNo, outTradeNo);
    return refund ? ok(refund) : err({ code: 'ORDER_NOT_EXIST', message: `Alipay has no successful refund ${outRefundNo} of ${outTradeNo}` });
  }

  /** Alipay's notifications carry no time window of their own (`now` is unused): each is verified by its signature. */
  parseNotification(_headers: NotificationHeaders, rawBody: Buffer, _now?: Date): Result<ProviderEvent, NotificationRejected> {
    return parseAlipayNotification({ appId: this.client.config.appId, verify: (params) => this.client.verifyNotification(params) }, rawBody);
  }
}
