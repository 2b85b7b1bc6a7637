import { AEAD_ALGORITHM, encryptAeadAes256Gcm, generateAeadNonce } from '../wechatpay/aead-aes-256-gcm';
import { formatBeijingTime } from '../wechatpay/rfc3339';
import { IssuedPlatformKey } from './platform-certificate-issuer';
import { SandboxRefund, SandboxTrade } from './sandbox-records';

const beijing = (iso: string): string => formatBeijingTime(new Date(iso));

const STATE_DESC: Record<SandboxTrade['state'], string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '订单发生过退款',
};

/** A transaction in WeChat's shape: the query reply, and the plaintext of a TRANSACTION.SUCCESS resource. */
export function transactionJson(t: SandboxTrade): Record<string, unknown> {
  const paid = t.transactionId !== undefined;
  return {
    appid: t.appId,
    mchid: t.mchId,
    out_trade_no: t.outTradeNo,
    ...(paid ? { transaction_id: t.transactionId, trade_type: 'NATIVE', bank_type: 'OTHERS' } : {}),
    trade_state: t.state,
    trade_state_desc: STATE_DESC[t.state],
    ...(t.attach !== undefined ? { attach: t.attach } : {}),
    ...(paid && t.successTime ? { success_time: beijing(t.successTime) } : {}),
    ...(paid ? { payer: { openid: t.payerOpenId } } : {}),
    amount: paid
      ? { total: t.total, payer_total: t.total, currency: t.currency, payer_currency: t.currency }
      : { total: t.total, currency: t.currency, payer_currency: t.currency },
  };
}

/** The refund API's reply (status under `status`). */
export function refundJson(r: SandboxRefund): Record<string, unknown> {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.successTime ? { success_time: beijing(r.successTime) } : {}),
    create_time: beijing(r.createdAt),
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: r.total,
      refund: r.refund,
      payer_total: r.total,
      payer_refund: r.refund,
      settlement_total: r.total,
      settlement_refund: r.refund,
      discount_refund: 0,
      currency: r.currency,
    },
  };
}

/** A refund notification's plaintext: the state is `refund_status` here, and there is no appid. */
export function refundNotificationJson(r: SandboxRefund): Record<string, unknown> {
  return {
    mchid: r.mchId,
    out_trade_no: r.outTradeNo,
    transaction_id: r.transactionId,
    out_refund_no: r.outRefundNo,
    refund_id: r.refundId,
    refund_status: r.status,
    ...(r.successTime ? { success_time: beijing(r.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund },
  };
}

/** One entry of `GET /v3/certificates`: the certificate PEM encrypted under the merchant's APIv3 key. */
export function certificateEntry(c: IssuedPlatformKey, apiV3Key: string): Record<string, unknown> {
  const nonce = generateAeadNonce();
  const associatedData = 'certificate';
  return {
    serial_no: c.serial,
    effective_time: formatBeijingTime(c.notBefore),
    expire_time: formatBeijingTime(c.notAfter),
    encrypt_certificate: {
      algorithm: AEAD_ALGORITHM,
      nonce,
      associated_data: associatedData,
      ciphertext: encryptAeadAes256Gcm({ apiV3Key, nonce, associatedData, plaintext: c.certificatePem }),
    },
  };
}
