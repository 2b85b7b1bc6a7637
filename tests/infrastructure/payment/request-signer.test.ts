import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { formatAuthorization, parseAuthorization } from '../../../infrastructure/payment/wechatpay/authorization-header';
import { buildRequestMessage, signRequest, signRequestAsync } from '../../../infrastructure/payment/wechatpay/request-signer';
import { makeTestKeys } from './payment-fixtures';

const keys = makeTestKeys();
const params = { mchid: '1900000109', nonce_str: 'NONCE123', signature: 'c2lnbmF0dXJl+/==', timestamp: '1700000000', serial_no: 'ABC123' };

describe('request message', () => {
  it('is five lines each ending in \\n, host removed, query kept, body verbatim', () => {
    const msg = buildRequestMessage('post', '/v3/pay/transactions/out-trade-no/T123456/close?x=1', '1700000000', 'N1', '{"mchid":"1"}');
    expect(msg.toString()).toBe('POST\n/v3/pay/transactions/out-trade-no/T123456/close?x=1\n1700000000\nN1\n{"mchid":"1"}\n');
  });

  it('ends with an empty line for a GET', () => {
    expect(buildRequestMessage('GET', '/v3/x?mchid=1', '1', 'n', '').toString()).toBe('GET\n/v3/x?mchid=1\n1\nn\n\n');
  });
});

describe('signRequest', () => {
  it('produces a header whose signature verifies over the documented message with RSA-SHA256 PKCS#1 v1.5', () => {
    const now = new Date(1_700_000_000_123);
    const body = '{"appid":"wx","amount":{"total":1}}';
    const header = signRequest({
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/native',
      body,
      mchId: keys.mchId,
      serialNo: keys.merchantSerial,
      privateKey: createPrivateKey(keys.merchantPrivateKey),
      now,
      nonce: 'FIXEDNONCE',
    });
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
    const parsed = parseAuthorization(header);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value).toMatchObject({ mchid: keys.mchId, nonce_str: 'FIXEDNONCE', timestamp: '1700000000', serial_no: keys.merchantSerial });
    const message = Buffer.from(`POST\n/v3/pay/transactions/native\n1700000000\nFIXEDNONCE\n${body}\n`);
    expect(verify('sha256', message, createPublicKey(keys.merchantPublicKey), Buffer.from(parsed.value.signature, 'base64'))).toBe(true);
  });

  it('signs the same header in the thread pool as on the main thread (PKCS#1 v1.5 is deterministic)', async () => {
    const input = {
      method: 'GET',
      pathWithQuery: '/v3/pay/transactions/out-trade-no/T1?mchid=1',
      body: '',
      mchId: keys.mchId,
      serialNo: keys.merchantSerial,
      privateKey: createPrivateKey(keys.merchantPrivateKey),
      now: new Date(1_700_000_000_000),
      nonce: 'N2',
    };
    expect(await signRequestAsync(input)).toBe(signRequest(input));
    expect(await signRequestAsync({ ...input, body: 'x' })).not.toBe(signRequest(input));
  });
});

describe('parseAuthorization', () => {
  const permutations = [
    ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'],
    ['serial_no', 'timestamp', 'signature', 'nonce_str', 'mchid'],
    ['signature', 'mchid', 'serial_no', 'nonce_str', 'timestamp'],
    ['timestamp', 'serial_no', 'mchid', 'signature', 'nonce_str'],
  ];

  it.each(permutations)('reads the parameters in any order (%s first)', (...order: string[]) => {
    const header = `WECHATPAY2-SHA256-RSA2048 ${order.map((n) => `${n}="${params[n as keyof typeof params]}"`).join(',')}`;
    expect(parseAuthorization(header)).toEqual({ ok: true, value: params });
  });

  it('tolerates blanks around separators and a lower-case scheme', () => {
    const header = `wechatpay2-sha256-rsa2048   mchid = "${params.mchid}", nonce_str="${params.nonce_str}" ,signature="${params.signature}",  timestamp="${params.timestamp}",serial_no="${params.serial_no}"`;
    expect(parseAuthorization(header)).toEqual({ ok: true, value: params });
  });

  it('round-trips formatAuthorization', () => {
    expect(parseAuthorization(formatAuthorization(params))).toEqual({ ok: true, value: params });
  });

  it.each([
    ['missing header', undefined],
    ['other scheme', `Bearer mchid="1"`],
    ['no parameters', 'WECHATPAY2-SHA256-RSA2048'],
    ['a missing parameter', `WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",signature="s",timestamp="1"`],
    ['an empty parameter', `WECHATPAY2-SHA256-RSA2048 mchid="",nonce_str="n",signature="s",timestamp="1",serial_no="x"`],
    ['a duplicated parameter', `WECHATPAY2-SHA256-RSA2048 mchid="1",mchid="2",nonce_str="n",signature="s",timestamp="1",serial_no="x"`],
    ['an unquoted value', `WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str="n",signature="s",timestamp="1",serial_no="x"`],
    ['a trailing comma', `WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",signature="s",timestamp="1",serial_no="x",`],
    ['garbage between parameters', `WECHATPAY2-SHA256-RSA2048 mchid="1";nonce_str="n",signature="s",timestamp="1",serial_no="x"`],
  ])('rejects %s', (_name, header) => {
    expect(parseAuthorization(header).ok).toBe(false);
  });
});
