import { PaymentProvider, ProviderError, ProviderRefund, ProviderTrade, QrPaymentRequest, RefundRequest } from '../../../domain/payment';
import { STARS_CURRENCY } from '../../../domain/ordering';
import { Result, err, ok } from '../../../domain/shared/result';
import { BotApiCall } from './bot-api-caller';

/** The provider name Stars payments and refunds are recorded under. */
export const STARS_PROVIDER_NAME = 'stars';

const clip = (text: string, max: number): string => [...text].slice(0, max).join('');

const rejected = (message: string): Result<never, ProviderError> => err({ code: 'PROVIDER_REJECTED', message });

/**
 * Telegram Stars behind the payment port. An order's "code" is an invoice link (`createInvoiceLink`, provider_token
 * empty, currency XTR, one price, the order number as payload) that the Mini App or web page opens; in the chat the
 * bot sends the invoice itself. The money arrives only as the bot's `successful_payment` update — Telegram keeps an
 * update until the bot has taken it, so nothing needs repairing — and there is no per-invoice query: `query` says
 * "not paid" and the repair job moves on. An invoice cannot be withdrawn: `close` is ours alone, and pre-checkout
 * refuses a closed order from then on. Refunds are `refundStarPayment(user_id, charge id)`: the whole charge, once.
 */
export class StarsProvider implements PaymentProvider {
  readonly name = STARS_PROVIDER_NAME;
  readonly refundsWholeChargeOnly = true;
  readonly refundsByPayer = true;
  readonly latePayments = 'refund';
  readonly answersTradeQueries = false;

  constructor(
    private readonly call: BotApiCall,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createQrPayment(request: QrPaymentRequest): Promise<Result<{ codeUrl: string }, ProviderError>> {
    if (request.currency !== STARS_CURRENCY) return rejected(`a Stars invoice is in ${STARS_CURRENCY}, not ${request.currency}`);
    const link = await this.call<string>('createInvoiceLink', starsInvoice(request.outTradeNo, request.description, request.amount));
    return link.ok ? ok({ codeUrl: link.value }) : link;
  }

  async query(outTradeNo: string): Promise<Result<ProviderTrade, ProviderError>> {
    return ok({ outTradeNo, tradeState: 'NOTPAY' });
  }

  async close(): Promise<Result<void, ProviderError>> {
    return ok(undefined);
  }

  async refund(request: RefundRequest): Promise<Result<ProviderRefund, ProviderError>> {
    if (request.refundAmount !== request.totalAmount)
      return rejected(`Telegram Stars refunds a whole charge only: ${request.totalAmount} stars, not ${request.refundAmount}`);
    if (request.payerId === undefined || !/^\d{1,20}$/.test(request.payerId) || request.chargeId === undefined)
      return rejected(`refund ${request.outRefundNo} names no Telegram user or charge`);
    const done: ProviderRefund = {
      outRefundNo: request.outRefundNo,
      outTradeNo: request.outTradeNo,
      // Telegram gives a refund no id of its own: the charge it names is already on the payment.
      status: 'SUCCESS',
      refundAmount: request.refundAmount,
      totalAmount: request.totalAmount,
      successTime: this.now(),
    };
    const refunded = await this.call<boolean>('refundStarPayment', { user_id: Number(request.payerId), telegram_payment_charge_id: request.chargeId });
    if (refunded.ok) return ok(done);
    // Asked again after an answer we never saw: the stars went back the first time.
    if (refunded.error.providerCode === 'CHARGE_ALREADY_REFUNDED') return ok(done);
    return refunded;
  }

  async queryRefund(outRefundNo: string): Promise<Result<ProviderRefund, ProviderError>> {
    // Telegram keeps no refund to look up: refund sync asks again, and an already refunded charge answers so.
    return err({ code: 'ORDER_NOT_EXIST', message: `Telegram has no refund query; refund ${outRefundNo} is asked again` });
  }
}

/** The invoice for an order, the same for `sendInvoice` (the bot, in a chat) and `createInvoiceLink` (a link). */
export function starsInvoice(orderNo: string, description: string, stars: number, title = `Order ${orderNo}`): Record<string, unknown> {
  return {
    title: clip(title, 32),
    description: clip(description, 255),
    payload: orderNo,
    provider_token: '',
    currency: STARS_CURRENCY,
    prices: [{ label: clip(description, 32) || orderNo, amount: stars }],
  };
}
