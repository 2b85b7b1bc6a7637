import { ProviderEvent, ProviderTrade } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { NotificationRejected, NotificationRejectionCode } from '../notification-verifier';
import { ALIPAY_CURRENCY, PAID_TRADE_STATUSES } from './alipay-wire';
import { parseAlipayTime } from './beijing-time';
import { minorOfYuan } from './yuan-amount';

const REQUIRED = ['notify_id', 'app_id', 'out_trade_no', 'trade_no', 'trade_status', 'total_amount', 'sign'] as const;

const reject = (code: NotificationRejectionCode, message: string): Result<never, NotificationRejected> => err({ code, message });

export interface AlipayNotificationContext {
  appId: string;
  /** RSA2 by Alipay's public key over the parameters (the SDK's rule: sign and sign_type out, keys sorted, k=v&…). */
  verify(params: Readonly<Record<string, string>>): boolean;
}

/** The form body as parameters; a key given twice is refused rather than guessed at. */
function formParameters(rawBody: Buffer): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    if (Object.hasOwn(params, key)) return null;
    params[key] = value;
  }
  return params;
}

/**
 * An Alipay asynchronous notification (`application/x-www-form-urlencoded`) to a verified event: the signature
 * first (nothing is read before it holds), then our app, then a paid status and an exact yuan amount. Only a paid
 * trade is news here: face-to-face QR notifies TRADE_SUCCESS / TRADE_FINISHED (and, after a partial refund,
 * TRADE_SUCCESS again, which applies as the payment already recorded).
 */
export function parseAlipayNotification(context: AlipayNotificationContext, rawBody: Buffer): Result<ProviderEvent, NotificationRejected> {
  const params = formParameters(rawBody);
  if (!params) return reject('MALFORMED_BODY', 'a parameter appears twice');
  const missing = REQUIRED.find((k) => !params[k]);
  if (missing) return reject(missing === 'sign' ? 'MISSING_HEADERS' : 'MALFORMED_BODY', `the notification has no ${missing}`);
  if (params.sign_type !== undefined && params.sign_type !== 'RSA2')
    return reject('BAD_SIGNATURE', `sign_type ${params.sign_type} is not accepted (RSA2 only)`);
  if (!context.verify(params)) return reject('BAD_SIGNATURE', 'the RSA2 signature does not verify with the Alipay public key');
  if (params.app_id !== context.appId) return reject('WRONG_MERCHANT', `app_id ${params.app_id} is not ours`);
  const status = params.trade_status as string;
  if (!PAID_TRADE_STATUSES.includes(status)) return reject('UNSUPPORTED_EVENT', `trade_status ${status} is not a payment`);
  const amount = minorOfYuan(params.total_amount);
  if (amount === undefined) return reject('MALFORMED_BODY', `total_amount "${params.total_amount}" is not an amount in yuan`);
  const trade: ProviderTrade = {
    outTradeNo: params.out_trade_no as string,
    tradeState: 'SUCCESS',
    transactionId: params.trade_no as string,
    amount,
    currency: ALIPAY_CURRENCY,
    appId: params.app_id as string,
  };
  const paidAt = parseAlipayTime(params.gmt_payment);
  if (paidAt) trade.successTime = paidAt;
  return ok({ type: 'TRANSACTION.SUCCESS', eventId: params.notify_id as string, trade });
}
