import { minor } from '../../../domain/shared/money';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios, { AxiosResponse } from 'axios';
import { SandboxGateway, startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { TestKeys, clientConfig, gatewayCredentials, makeTestKeys, merchantAuthorization, nowSeconds, rsaPair, SANDBOX_TOKEN } from './payment-fixtures';
import { must } from '../../support/must';

const keys = makeTestKeys();
let gateway: SandboxGateway;
let clockOffsetMs = 0;
let seq = 0;
const outTradeNo = () => `G${Date.now()}${String(++seq).padStart(4, '0')}`;
const NOTIFY = 'http://127.0.0.1:9/notify';

beforeAll(async () => {
  gateway = await startSandboxGateway({
    credentials: gatewayCredentials(keys),
    adminToken: SANDBOX_TOKEN,
    clock: () => new Date(Date.now() + clockOffsetMs),
    refundDelayMs: 0,
  });
});
afterAll(() => gateway.close());
beforeEach(() => {
  clockOffsetMs = 0;
  gateway.knobs.reset();
});

type AuthOptions = Parameters<typeof merchantAuthorization>[4] & { authorization?: string | null; signedPath?: string };

/** A request signed by hand (not through the client under test), as an independent merchant would. */
async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  o: AuthOptions = {},
  k: TestKeys = keys,
  base = gateway.url,
): Promise<AxiosResponse<Buffer>> {
  const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const authorization = o.authorization === null ? undefined : (o.authorization ?? merchantAuthorization(k, method, o.signedPath ?? path, payload, o));
  return axios.request<Buffer>({
    method,
    url: base + path,
    data: method === 'POST' ? payload : undefined,
    headers: {
      ...(authorization ? { Authorization: authorization } : {}),
      Accept: 'application/json',
      ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
    },
    responseType: 'arraybuffer',
    validateStatus: () => true,
    proxy: false,
    transformRequest: [(d: unknown) => d],
  });
}

const json = (r: AxiosResponse<Buffer>) => JSON.parse(r.data.toString()) as Record<string, unknown>;
const order = (no: string, over: Record<string, unknown> = {}) => ({
  appid: keys.appId,
  mchid: keys.mchId,
  description: 'Sandbox <b>tea</b>',
  out_trade_no: no,
  notify_url: NOTIFY,
  amount: { total: 1234, currency: 'CNY' },
  ...over,
});

describe('sandbox gateway: merchant request signatures', () => {
  it('accepts the Authorization parameters in any order', async () => {
    const orders = [
      ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'],
      ['serial_no', 'signature', 'timestamp', 'mchid', 'nonce_str'],
      ['timestamp', 'mchid', 'serial_no', 'nonce_str', 'signature'],
    ];
    for (const o of orders) {
      const r = await call('POST', '/v3/pay/transactions/native', order(outTradeNo()), { order: o });
      expect(r.status).toBe(200);
      expect(String(json(r).code_url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/[0-9a-f]+$/);
    }
  });

  it.each([
    ['no Authorization header', { authorization: null }],
    ['a signature by another key', { privateKey: rsaPair().privateKey }],
    ['an unknown serial_no', { serial: 'AAAA' }],
    ['an unknown mchid', { mchid: '1900000001' }],
    ['a timestamp 301 s old', { timestamp: -301 }],
    ['a timestamp 301 s ahead', { timestamp: 301 }],
    ['a signature over another path', { signedPath: '/v3/pay/transactions/out-trade-no/OTHER123?mchid=1900000109' }],
    ['a signature without the query string', { signedPath: '/v3/pay/transactions/out-trade-no/ABC123456' }],
    ['another auth scheme', { authorization: 'Bearer abc' }],
  ] as Array<[string, AuthOptions]>)('answers 401 SIGN_ERROR to %s', async (_name, o) => {
    // A timestamp in the table is an offset from the moment of the call (the table is built at load time).
    const options = o.timestamp !== undefined ? { ...o, timestamp: nowSeconds() + o.timestamp } : o;
    const r = await call('GET', `/v3/pay/transactions/out-trade-no/ABC123456?mchid=${keys.mchId}`, undefined, options);
    expect(r.status).toBe(401);
    expect(json(r).code).toBe('SIGN_ERROR');
  });

  it('allows a clock up to 5 minutes off', async () => {
    const r = await call('GET', `/v3/pay/transactions/out-trade-no/ABC123456?mchid=${keys.mchId}`, undefined, { timestamp: nowSeconds() - 290 });
    expect(r.status).toBe(404);
    expect(json(r).code).toBe('ORDER_NOT_EXIST');
  });

  it('rejects a body changed after signing', async () => {
    const no = outTradeNo();
    const signedFor = JSON.stringify(order(no));
    const authorization = merchantAuthorization(keys, 'POST', '/v3/pay/transactions/native', signedFor);
    const r = await call('POST', '/v3/pay/transactions/native', signedFor.replace('1234', '1'), { authorization });
    expect(r.status).toBe(401);
  });
});

describe("sandbox gateway: replies are signed like WeChat's", () => {
  const platformKey = createPublicKey(keys.platformPublicKey);
  const verifies = (r: AxiosResponse<Buffer>) => {
    const h = r.headers as Record<string, string>;
    expect(h['wechatpay-serial']).toBe(keys.platformSerial);
    expect(h['wechatpay-signature-type']).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(h['request-id']).toBeTruthy();
    const message = Buffer.concat([Buffer.from(`${h['wechatpay-timestamp']}\n${h['wechatpay-nonce']}\n`), r.data, Buffer.from('\n')]);
    return verify('sha256', message, platformKey, Buffer.from(must(h['wechatpay-signature'], 'the signature header'), 'base64'));
  };

  it('signs a 200, an error and the empty body of a 204', async () => {
    const no = outTradeNo();
    const created = await call('POST', '/v3/pay/transactions/native', order(no));
    expect(verifies(created)).toBe(true);
    const missing = await call('GET', `/v3/pay/transactions/out-trade-no/NOPE123456?mchid=${keys.mchId}`);
    expect(missing.status).toBe(404);
    expect(verifies(missing)).toBe(true);
    const closed = await call('POST', `/v3/pay/transactions/out-trade-no/${no}/close`, { mchid: keys.mchId });
    expect(closed.status).toBe(204);
    expect(closed.data.length).toBe(0);
    expect(verifies(closed)).toBe(true);
  });
});

describe('sandbox gateway: request validation', () => {
  it.each([
    ['a missing description', (no: string) => order(no, { description: undefined }), 'description'],
    ['an out_trade_no with a forbidden character', () => order('ABC#12345'), 'out_trade_no'],
    ['an out_trade_no shorter than 6', () => order('ABC12'), 'out_trade_no'],
    ['an out_trade_no longer than 32', () => order('A'.repeat(33)), 'out_trade_no'],
    ['a zero amount', (no: string) => order(no, { amount: { total: 0, currency: 'CNY' } }), 'amount.total'],
    ['a fractional amount', (no: string) => order(no, { amount: { total: 1.5, currency: 'CNY' } }), 'amount.total'],
    ['a non-CNY currency', (no: string) => order(no, { amount: { total: 1, currency: 'USD' } }), 'amount.currency'],
    ['a notify_url with a query string', (no: string) => order(no, { notify_url: 'https://shop.example/notify?x=1' }), 'notify_url'],
    ['a time_expire without offset', (no: string) => order(no, { time_expire: '2030-01-01T10:00:00' }), 'time_expire'],
    ['a time_expire in the past', (no: string) => order(no, { time_expire: '2020-01-01T10:00:00+08:00' }), 'time_expire'],
    ['a description longer than 127', (no: string) => order(no, { description: 'x'.repeat(128) }), 'description'],
  ])('answers 400 PARAM_ERROR with detail to %s', async (_name, build, field) => {
    const r = await call('POST', '/v3/pay/transactions/native', build(outTradeNo()));
    expect(r.status).toBe(400);
    const body = json(r);
    expect(body.code).toBe('PARAM_ERROR');
    expect(body.detail).toMatchObject({ field, location: 'body' });
  });

  it('answers PARAM_ERROR to a body that is not JSON', async () => {
    const r = await call('POST', '/v3/pay/transactions/native', '{not json');
    expect(r.status).toBe(400);
    expect(json(r).code).toBe('PARAM_ERROR');
  });

  it("answers APPID_MCHID_NOT_MATCH to an appid that is not the merchant's", async () => {
    const r = await call('POST', '/v3/pay/transactions/native', order(outTradeNo(), { appid: 'wx0000000000000000' }));
    expect(r.status).toBe(400);
    expect(json(r).code).toBe('APPID_MCHID_NOT_MATCH');
  });

  it('answers OUT_TRADE_NO_USED to the same out_trade_no with another amount or description', async () => {
    const no = outTradeNo();
    const first = await call('POST', '/v3/pay/transactions/native', order(no));
    const same = await call('POST', '/v3/pay/transactions/native', order(no));
    expect(json(same).code_url).toBe(json(first).code_url);
    for (const changed of [order(no, { amount: { total: 999, currency: 'CNY' } }), order(no, { description: 'other' })]) {
      const r = await call('POST', '/v3/pay/transactions/native', changed);
      expect(r.status).toBe(403);
      expect(json(r).code).toBe('OUT_TRADE_NO_USED');
    }
  });

  it('requires the mchid query parameter on query', async () => {
    const r = await call('GET', '/v3/pay/transactions/out-trade-no/ABC123456');
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({ code: 'PARAM_ERROR', detail: { field: 'mchid', location: 'query' } });
  });

  it('rejects a refund of an unpaid trade and of an unknown one', async () => {
    const no = outTradeNo();
    await call('POST', '/v3/pay/transactions/native', order(no));
    const refund = (tradeNo: string) => ({ out_trade_no: tradeNo, out_refund_no: `R${tradeNo}`, amount: { refund: 1, total: 1234, currency: 'CNY' } });
    const unpaid = await call('POST', '/v3/refund/domestic/refunds', refund(no));
    expect(unpaid.status).toBe(400);
    expect(json(unpaid).code).toBe('INVALID_REQUEST');
    const unknown = await call('POST', '/v3/refund/domestic/refunds', refund('NOPE1234567'));
    expect(unknown.status).toBe(404);
    expect(json(unknown).code).toBe('RESOURCE_NOT_EXISTS');
  });
});

describe('sandbox gateway: trade lifecycle', () => {
  it('closes an unpaid trade once its time_expire has passed, and refuses to pay it', async () => {
    const provider = new WechatPayProvider(clientConfig(keys, gateway.url, NOTIFY));
    const no = outTradeNo();
    const created = await provider.createQrPayment({
      outTradeNo: no,
      description: 'short-lived',
      amount: minor(100),
      currency: 'CNY',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(created.ok).toBe(true);
    expect((await provider.query(no)).ok && gateway.trade(no)?.state).toBe('NOTPAY');
    clockOffsetMs = 61_000;
    const expired = await provider.query(no);
    expect(expired.ok && expired.value.tradeState).toBe('CLOSED');
    expect(gateway.pay(no)).toMatchObject({ ok: false, error: { code: 'ORDER_CLOSED' } });
    const page = await axios.get<string>(created.ok ? created.value.codeUrl : '', { proxy: false, responseType: 'text' });
    expect(page.data).toContain('closed');
    expect(page.data).not.toContain('<form');
    // The merchant's own close after expiry succeeds once, like WeChat's; a second close is ORDER_CLOSED.
    expect((await provider.close(no)).ok).toBe(true);
    const again = await provider.close(no);
    expect(!again.ok && again.error.code).toBe('ORDER_CLOSED');
  });

  it('serves a pay page that escapes the description; cancel leaves the trade unpaid', async () => {
    const no = outTradeNo();
    const created = await call('POST', '/v3/pay/transactions/native', order(no));
    const codeUrl = String(json(created).code_url);
    const page = await axios.get<string>(codeUrl, { proxy: false, responseType: 'text' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.data).toContain('Sandbox &lt;b&gt;tea&lt;/b&gt;');
    expect(page.data).toContain('¥12.34');
    const cancelled = await axios.post<string>(`${codeUrl}/cancel`, 'x=1', {
      proxy: false,
      responseType: 'text',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(cancelled.data).toContain('cancelled');
    expect(gateway.trade(no)?.state).toBe('NOTPAY');
    const missing = await axios.get(`${gateway.url}/pay/doesnotexist`, { proxy: false, validateStatus: () => true });
    expect(missing.status).toBe(404);
  });

  it('answers a refund PROCESSING first, then SUCCESS after the configured delay', async () => {
    const slow = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, refundDelayMs: 100 });
    try {
      const provider = new WechatPayProvider(clientConfig(keys, slow.url, NOTIFY));
      const no = outTradeNo();
      await provider.createQrPayment({ outTradeNo: no, description: 'x', amount: minor(300), currency: 'CNY', expiresAt: new Date(Date.now() + 600_000) });
      slow.pay(no);
      const refund = await provider.refund({ outTradeNo: no, outRefundNo: `R${no}`, refundAmount: minor(300), totalAmount: minor(300), currency: 'CNY' });
      expect(refund.ok && refund.value.status).toBe('PROCESSING');
      const deadline = Date.now() + 5000;
      let status = 'PROCESSING';
      while (status === 'PROCESSING' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        const q = await provider.queryRefund(`R${no}`);
        status = q.ok ? q.value.status : q.error.code;
      }
      expect(status).toBe('SUCCESS');
    } finally {
      await slow.close();
    }
  });
});

describe('sandbox gateway: admin API and persistence', () => {
  it('sets knobs and pays over HTTP', async () => {
    const auth = { Authorization: `Bearer ${SANDBOX_TOKEN}` };
    const admin = (path: string, body?: unknown) =>
      axios.post(`${gateway.url}/sandbox${path}`, body, { proxy: false, headers: auth, validateStatus: () => true });
    expect((await admin('/knobs/fail', { operation: 'query', count: 1, status: 500, code: 'SYSTEM_ERROR' })).status).toBe(200);
    const failed = await call('GET', `/v3/pay/transactions/out-trade-no/ABC123456?mchid=${keys.mchId}`);
    expect(failed.status).toBe(500);
    expect(json(failed).code).toBe('SYSTEM_ERROR');
    expect((await admin('/knobs/fail', { operation: 'nonsense', count: 1 })).status).toBe(400);
    expect((await admin('/knobs/drop-notifications', { count: -1 })).status).toBe(400);
    const emptyJson = await axios.post(`${gateway.url}/sandbox/knobs/reset`, undefined, {
      proxy: false,
      headers: { 'Content-Type': 'application/json', ...auth },
      validateStatus: () => true,
    });
    expect(emptyJson.status).toBe(200);
    expect((await admin('/knobs/duplicate-notifications', { times: 2 })).data).toMatchObject({ ok: true, knobs: { duplicateNotifications: 2 } });

    const no = outTradeNo();
    await call('POST', '/v3/pay/transactions/native', order(no));
    const paid = await admin(`/trades/${no}/pay`);
    expect(paid.status).toBe(200);
    expect(paid.data).toMatchObject({ outTradeNo: no, state: 'SUCCESS' });
    expect((await admin(`/trades/${no}/pay`)).data).toMatchObject({ code: 'ORDERPAID' });
    const listed = await axios.get(`${gateway.url}/sandbox/notifications`, { proxy: false, headers: auth });
    expect((listed.data as Array<{ outTradeNo: string }>).some((n) => n.outTradeNo === no)).toBe(true);
  });

  it('refuses every admin call without the token (401), and takes it as a bearer or X-Sandbox-Token', async () => {
    const guarded = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: 's3cret-s3cret-s3cret' });
    try {
      const no = outTradeNo();
      await new WechatPayProvider(clientConfig(keys, guarded.url, NOTIFY)).createQrPayment({
        outTradeNo: no,
        description: 'guarded',
        amount: minor(100),
        currency: 'CNY',
        expiresAt: new Date(Date.now() + 600_000),
      });
      const attempts: Array<[string, string, Record<string, string>]> = [
        ['GET', '/sandbox/trades', {}],
        ['GET', `/sandbox/trades/${no}`, {}],
        ['POST', `/sandbox/trades/${no}/pay`, {}],
        ['POST', `/sandbox/trades/${no}/pay-again`, {}],
        ['GET', '/sandbox/notifications', {}],
        ['GET', '/sandbox/refunds', {}],
        ['POST', '/sandbox/knobs/drop-notifications', { Authorization: 'Bearer wrong-token-wrong' }],
        ['POST', '/sandbox/knobs/reset', { 'X-Sandbox-Token': 's3cret-s3cret-s3cre' }],
        ['GET', '/sandbox/knobs', { Authorization: 's3cret-s3cret-s3cret' }],
      ];
      for (const [method, path, headers] of attempts) {
        const res = await axios.request({ method, url: `${guarded.url}${path}`, headers, proxy: false, validateStatus: () => true });
        expect([path, res.status, (res.data as { code?: string }).code]).toEqual([path, 401, 'UNAUTHORIZED']);
      }
      expect(guarded.trade(no)?.state).toBe('NOTPAY');
      expect(guarded.notifications()).toHaveLength(0);
      const bearer = await axios.get(`${guarded.url}/sandbox/knobs`, { proxy: false, headers: { Authorization: 'Bearer s3cret-s3cret-s3cret' } });
      expect(bearer.status).toBe(200);
      const own = await axios.post(`${guarded.url}/sandbox/trades/${no}/pay`, undefined, {
        proxy: false,
        headers: { 'X-Sandbox-Token': 's3cret-s3cret-s3cret' },
      });
      expect(own.data).toMatchObject({ outTradeNo: no, state: 'SUCCESS' });
    } finally {
      await guarded.close();
    }
  });

  it('shows the simulated-payments banner on the pay page, which needs no token (its id is the permission)', async () => {
    const no = outTradeNo();
    const created = await new WechatPayProvider(clientConfig(keys, gateway.url, NOTIFY)).createQrPayment({
      outTradeNo: no,
      description: 'banner',
      amount: minor(100),
      currency: 'CNY',
      expiresAt: new Date(Date.now() + 600_000),
    });
    if (!created.ok) throw new Error(created.error.message);
    const page = await axios.get<string>(created.value.codeUrl, { proxy: false, responseType: 'text' });
    expect(page.data).toContain('<div class="banner" role="alert" id="simulated">PAYMENTS ARE SIMULATED — sandbox, no real money</div>');
    const paid = await axios.post<string>(`${created.value.codeUrl}/pay`, '', {
      proxy: false,
      responseType: 'text',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(paid.data).toContain('PAYMENTS ARE SIMULATED');
    expect(gateway.trade(no)?.state).toBe('SUCCESS');
  });

  it('will not start without an admin token', async () => {
    await expect(startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: '' })).rejects.toThrow(/adminToken is required/);
  });

  it('remembers trades across a restart when given a state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillbot-sandbox-state-'));
    const stateFile = join(dir, 'state.jsonl');
    try {
      const first = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, stateFile });
      const no = outTradeNo();
      await new WechatPayProvider(clientConfig(keys, first.url, NOTIFY)).createQrPayment({
        outTradeNo: no,
        description: 'kept',
        amount: minor(500),
        currency: 'CNY',
        expiresAt: new Date(Date.now() + 600_000),
      });
      first.pay(no);
      await first.close();

      const second = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, stateFile });
      try {
        const q = await new WechatPayProvider(clientConfig(keys, second.url, NOTIFY)).query(no);
        expect(q.ok && q.value).toMatchObject({ tradeState: 'SUCCESS', amount: 500 });
        expect(second.notifications().find((n) => n.outTradeNo === no)?.status).toBe('pending');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
