import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { clientConfig, encryptResource, makeTestKeys, nowSeconds, platformHeaders, rsaPair } from './payment-fixtures';
import { must } from '../../support/must';

const keys = makeTestKeys();
const provider = new WechatPayProvider(clientConfig(keys, 'https://api.mch.weixin.qq.com', 'https://shop.example/notify'));
const stranger = rsaPair();

const transaction = (over: Record<string, unknown> = {}) => ({
  appid: keys.appId,
  mchid: keys.mchId,
  out_trade_no: 'T20260101000001',
  transaction_id: '4200000000202601010000000001',
  trade_type: 'NATIVE',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  attach: 'order-42',
  success_time: '2026-01-01T10:00:05+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 1999, payer_total: 1999, currency: 'CNY', payer_currency: 'CNY' },
  ...over,
});

interface Forge {
  eventType?: string;
  plaintext?: string;
  nonce?: string;
  aad?: string;
  decryptAad?: string;
  originalType?: string;
  rawBody?: string;
  tamperCiphertext?: boolean;
  signWith?: string;
  serial?: string;
  timestamp?: number;
}

function forge(o: Forge = {}): { headers: Record<string, string>; body: Buffer } {
  const nonce = o.nonce ?? 'kXtqFfKZgBcl';
  const aad = o.aad ?? 'transaction';
  let ciphertext = encryptResource(keys.apiV3Key, nonce, aad, o.plaintext ?? JSON.stringify(transaction()));
  if (o.tamperCiphertext) {
    const b = Buffer.from(ciphertext, 'base64');
    b[0] = b.readUInt8(0) ^ 1;
    ciphertext = b.toString('base64');
  }
  const body =
    o.rawBody ??
    JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2026-01-01T10:00:06+08:00',
      resource_type: 'encrypt-resource',
      event_type: o.eventType ?? 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: { original_type: o.originalType ?? 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: o.decryptAad ?? aad, nonce },
    });
  const headers = platformHeaders(o.signWith ?? keys.platformPrivateKey, body, {
    serial: o.serial ?? keys.platformSerial,
    ...(o.timestamp !== undefined ? { timestamp: o.timestamp } : {}),
  });
  return { headers, body: Buffer.from(body) };
}

const parse = (n: { headers: Record<string, string>; body: Buffer }) => provider.parseNotification(n.headers, n.body, new Date());

describe('WechatPayProvider.parseNotification', () => {
  it('turns a genuine TRANSACTION.SUCCESS into a verified event', () => {
    const result = parse(forge());
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'TRANSACTION.SUCCESS',
        eventId: 'EV-2018022511223320873',
        trade: {
          outTradeNo: 'T20260101000001',
          tradeState: 'SUCCESS',
          transactionId: '4200000000202601010000000001',
          amount: 1999,
          currency: 'CNY',
          successTime: new Date('2026-01-01T02:00:05Z'),
          appId: keys.appId,
          mchId: keys.mchId,
          attach: 'order-42',
        },
      },
    });
  });

  it('turns a REFUND.SUCCESS (no appid, state under refund_status) into a refund event', () => {
    const plaintext = JSON.stringify({
      mchid: keys.mchId,
      out_trade_no: 'T20260101000001',
      transaction_id: '4200000000202601010000000001',
      out_refund_no: 'R20260101000001',
      refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS',
      success_time: '2026-01-02T10:00:00+08:00',
      user_received_account: '支付用户零钱',
      amount: { total: 1999, refund: 500, payer_total: 1999, payer_refund: 500 },
    });
    const result = parse(forge({ eventType: 'REFUND.SUCCESS', originalType: 'refund', aad: 'refund', plaintext }));
    expect(result.ok && result.value).toEqual({
      type: 'REFUND.SUCCESS',
      eventId: 'EV-2018022511223320873',
      refund: {
        outRefundNo: 'R20260101000001',
        outTradeNo: 'T20260101000001',
        refundId: '50000000382019052709732678859',
        status: 'SUCCESS',
        refundAmount: 500,
        totalAmount: 1999,
        successTime: new Date('2026-01-02T02:00:00Z'),
      },
    });
  });

  const catalogue: Array<[string, () => { headers: Record<string, string>; body: Buffer }, string]> = [
    ["a signature by a stranger's key", () => forge({ signWith: stranger.privateKey }), 'BAD_SIGNATURE'],
    [
      'a WECHATPAY/SIGNTEST/ probe',
      () => {
        const n = forge();
        return {
          ...n,
          headers: { ...n.headers, 'wechatpay-signature': 'WECHATPAY/SIGNTEST/' + must(n.headers['wechatpay-signature'], 'a signature header').slice(19) },
        };
      },
      'BAD_SIGNATURE',
    ],
    [
      'a body changed after signing',
      () => {
        const n = forge();
        return { ...n, body: Buffer.from(n.body.toString().replace('支付成功', '支付失败')) };
      },
      'BAD_SIGNATURE',
    ],
    ['an unknown serial', () => forge({ serial: 'PUB_KEY_ID_0000000000000000000000000099' }), 'UNKNOWN_SERIAL'],
    ['a stale timestamp', () => forge({ timestamp: nowSeconds() - 301 }), 'STALE_TIMESTAMP'],
    ['a future timestamp', () => forge({ timestamp: nowSeconds() + 400 }), 'STALE_TIMESTAMP'],
    ['missing signature headers', () => ({ headers: {}, body: forge().body }), 'MISSING_HEADERS'],
    ['a tampered ciphertext', () => forge({ tamperCiphertext: true }), 'DECRYPT_FAILED'],
    ['a wrong associated_data', () => forge({ decryptAad: 'refund' }), 'DECRYPT_FAILED'],
    [
      'a resource encrypted with another APIv3 key',
      () => {
        const body = JSON.stringify({
          id: 'EV-1',
          event_type: 'TRANSACTION.SUCCESS',
          resource_type: 'encrypt-resource',
          resource: {
            algorithm: 'AEAD_AES_256_GCM',
            nonce: 'abcdefabcdef',
            associated_data: 'transaction',
            original_type: 'transaction',
            ciphertext: encryptResource('Zbcdefghijklmnopqrstuvwxyz012345', 'abcdefabcdef', 'transaction', JSON.stringify(transaction())),
          },
        });
        return { headers: platformHeaders(keys.platformPrivateKey, body, { serial: keys.platformSerial }), body: Buffer.from(body) };
      },
      'DECRYPT_FAILED',
    ],
    ['a wrong appid', () => forge({ plaintext: JSON.stringify(transaction({ appid: 'wx0000000000000000' })) }), 'WRONG_MERCHANT'],
    ['a wrong mchid', () => forge({ plaintext: JSON.stringify(transaction({ mchid: '1900000001' })) }), 'WRONG_MERCHANT'],
    [
      'a payment without appid',
      () => {
        const { appid: _a, ...rest } = transaction();
        return forge({ plaintext: JSON.stringify(rest) });
      },
      'WRONG_MERCHANT',
    ],
    ['a malformed JSON body', () => forge({ rawBody: '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS",' }), 'MALFORMED_BODY'],
    ['an envelope without resource', () => forge({ rawBody: JSON.stringify({ id: 'EV-1', event_type: 'TRANSACTION.SUCCESS' }) }), 'MALFORMED_BODY'],
    ['a resource that decrypts to non-JSON', () => forge({ plaintext: 'not json' }), 'MALFORMED_BODY'],
    ['a TRANSACTION.SUCCESS whose trade is not paid', () => forge({ plaintext: JSON.stringify(transaction({ trade_state: 'NOTPAY' })) }), 'MALFORMED_BODY'],
    ['a refund resource posing as a payment', () => forge({ originalType: 'refund' }), 'MALFORMED_BODY'],
    ['an event type we do not handle', () => forge({ eventType: 'TRANSACTION.CLOSED' }), 'UNSUPPORTED_EVENT'],
  ];

  it.each(catalogue)('rejects %s', (_name, build, code) => {
    const result = parse(build());
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  });
});
