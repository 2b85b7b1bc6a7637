import { yuanOf } from '../../alipay/yuan-amount';
import { formatAlipayTime } from '../../alipay/beijing-time';
import { minor } from '../../../../domain/shared/money';
import { AlipayRefund, AlipayTrade } from './alipay-records';

export const SANDBOX_SELLER_ID = '2088000000000001';
const yuan = (fen: number): string => yuanOf(minor(fen));
const at = (iso: string | undefined): string | undefined => (iso ? formatAlipayTime(new Date(iso)) : undefined);
const defined = (o: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

/** alipay.trade.query's business answer for a scanned trade. */
export function queryReply(t: AlipayTrade): Record<string, string> {
  return defined({
    trade_no: t.tradeNo,
    out_trade_no: t.outTradeNo,
    buyer_logon_id: t.buyerLogonId,
    trade_status: t.status,
    total_amount: yuan(t.total),
    buyer_pay_amount: t.paidAt ? yuan(t.total) : undefined,
    receipt_amount: t.paidAt ? yuan(t.total - t.refunded) : undefined,
    send_pay_date: at(t.paidAt),
  });
}

/** The fields of a trade notification (the notifier adds notify_id, notify_time, charset, version, sign). */
export function notificationFields(t: AlipayTrade, refund?: { refund: AlipayRefund }): Record<string, string> {
  return defined({
    app_id: t.appId,
    trade_no: t.tradeNo,
    out_trade_no: t.outTradeNo,
    seller_id: SANDBOX_SELLER_ID,
    buyer_logon_id: t.buyerLogonId,
    trade_status: t.status,
    total_amount: yuan(t.total),
    receipt_amount: yuan(t.total),
    buyer_pay_amount: yuan(t.total),
    subject: t.subject,
    gmt_create: at(t.scannedAt),
    gmt_payment: at(t.paidAt),
    ...(refund ? { refund_fee: yuan(t.refunded), gmt_refund: at(refund.refund.at), out_biz_no: refund.refund.outRequestNo } : {}),
  });
}
