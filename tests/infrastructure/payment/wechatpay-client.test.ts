import { minor } from '../../../domain/shared/money';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import axios, { InternalAxiosRequestConfig } from 'axios';
import { SandboxGateway, startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { Receiver, clientConfig, gatewayCredentials, makeTestKeys, rsaPair, startReceiver, SANDBOX_TOKEN } from './payment-fixtures';
import { must } from '../../support/must';

const keys = makeTestKeys();
let gateway: SandboxGateway;
let receiver: Receiver;
let provider: WechatPayProvider;
let sent: InternalAxiosRequestConfig[];
let seq = 0;
const outTradeNo = () => `T${Date.now()}${String(++seq).padStart(4, '0')}`;
const inAnHour = () => new Date(Date.now() + 3600_000);

/** A real axios instance that also records what went out, so tests can compare retried requests. */
function recordingHttp() {
  const http = axios.create({ proxy: false, maxRedirects: 0 });
  http.interceptors.request.use((c) => {
    sent.push(c);
    return c;
  });
  return http;
}

beforeAll(async () => {
  receiver = await startReceiver();
  gateway = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, timeScale: 0.001, refundDelayMs: 0 });
  provider = new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url, { timeoutMs: 2000, maxRetries: 2 }), { http: recordingHttp() });
});

afterAll(async () => {
  await gateway.close();
  await receiver.close();
});

beforeEach(() => {
  sent = [];
  receiver.received.length = 0;
  receiver.respond = () => 204;
  gateway.knobs.reset();
});

async function create(no: string, amount = 1999, description = '100 credits') {
  const created = await provider.createQrPayment({
    outTradeNo: no,
    description,
    amount: minor(amount),
    currency: 'CNY',
    expiresAt: inAnHour(),
    attach: 'order-42',
  });
  if (!created.ok) throw new Error(`${created.error.code}: ${created.error.message}`);
  return created.value.codeUrl;
}

describe('WechatPayClient against the sandbox over loopback', () => {
  it('creates, lets the shopper pay on the pay page, and delivers a notification that parses into TRANSACTION.SUCCESS', async () => {
    const no = outTradeNo();
    const codeUrl = await create(no);
    expect(codeUrl).toMatch(new RegExp(`^${gateway.publicBaseUrl}/pay/[0-9a-f]+$`));

    const page = await axios.get<string>(codeUrl, { proxy: false, responseType: 'text' });
    expect(page.data).toContain('100 credits');
    expect(page.data).toContain('¥19.99');
    expect(page.data).toMatch(/<form method="post" action="[0-9a-f]+\/pay">/);
    expect(page.data).toMatch(/<form method="post" action="[0-9a-f]+\/cancel">/);

    const paid = await axios.post<string>(`${codeUrl}/pay`, '', {
      proxy: false,
      responseType: 'text',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(paid.data).toContain('Payment successful');

    const notification = must((await receiver.waitFor(1))[0], 'the payment notification');
    expect(notification.headers['wechatpay-serial']).toBe(keys.platformSerial);
    expect(notification.headers['request-id']).toBeTruthy();
    const event = provider.parseNotification(notification.headers, notification.body, new Date());
    if (!event.ok) throw new Error(event.error.message);
    expect(event.value.type).toBe('TRANSACTION.SUCCESS');
    const trade = event.value.type === 'TRANSACTION.SUCCESS' ? event.value.trade : undefined;
    expect(trade).toMatchObject({
      outTradeNo: no,
      tradeState: 'SUCCESS',
      amount: 1999,
      currency: 'CNY',
      appId: keys.appId,
      mchId: keys.mchId,
      attach: 'order-42',
    });

    const queried = await provider.query(no);
    expect(queried.ok && queried.value).toMatchObject({ tradeState: 'SUCCESS', transactionId: trade?.transactionId, amount: 1999 });
  });

  it('sends the documented create body: time_expire in +08:00, notify_url from the config, amount in fen', async () => {
    const no = outTradeNo();
    await create(no, 1);
    const body = JSON.parse(String(must(sent[0], 'the create call').data)) as Record<string, unknown>;
    expect(body).toMatchObject({ appid: keys.appId, mchid: keys.mchId, out_trade_no: no, notify_url: receiver.url, amount: { total: 1, currency: 'CNY' } });
    expect(body.time_expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(gateway.trade(no)?.timeExpire).toBe(body.time_expire);
  });

  it('gets the same code_url for an identical re-order and OUT_TRADE_NO_USED for a changed one', async () => {
    const no = outTradeNo();
    const first = await create(no);
    expect(await create(no)).toBe(first);
    const changed = await provider.createQrPayment({ outTradeNo: no, description: '100 credits', amount: minor(2999), currency: 'CNY', expiresAt: inAnHour() });
    expect(!changed.ok && changed.error).toMatchObject({ code: 'PROVIDER_REJECTED', providerCode: 'OUT_TRADE_NO_USED', httpStatus: 403 });
  });

  it('maps query, close and their errors', async () => {
    const missing = await provider.query('NOSUCHORDER1');
    expect(!missing.ok && missing.error).toMatchObject({ code: 'ORDER_NOT_EXIST', httpStatus: 404 });

    const no = outTradeNo();
    await create(no);
    expect((await provider.query(no)).ok && (await provider.query(no))).toMatchObject({ value: { tradeState: 'NOTPAY' } });
    expect(await provider.close(no)).toEqual({ ok: true, value: undefined });
    const closed = await provider.query(no);
    expect(closed.ok && closed.value.tradeState).toBe('CLOSED');
    const again = await provider.close(no);
    expect(!again.ok && again.error).toMatchObject({ code: 'ORDER_CLOSED', providerCode: 'ORDER_CLOSED' });
    const reorder = await provider.createQrPayment({ outTradeNo: no, description: '100 credits', amount: minor(1999), currency: 'CNY', expiresAt: inAnHour() });
    expect(!reorder.ok && reorder.error.code).toBe('ORDER_CLOSED');

    const paidNo = outTradeNo();
    await create(paidNo);
    expect(gateway.pay(paidNo).ok).toBe(true);
    const refused = await provider.close(paidNo);
    expect(!refused.ok && refused.error.code).toBe('ALREADY_PAID');
    const unknown = await provider.close('NOSUCHORDER2');
    expect(!unknown.ok && unknown.error.code).toBe('ORDER_NOT_EXIST');
  });

  it('refunds idempotently, queries refunds, refuses over-refunds, and notifies REFUND.SUCCESS', async () => {
    const no = outTradeNo();
    await create(no);
    gateway.pay(no);
    await receiver.waitFor(1);
    const request = { outTradeNo: no, outRefundNo: `R${no}`, reason: 'changed mind', refundAmount: minor(500), totalAmount: minor(1999), currency: 'CNY' };
    const refund = await provider.refund(request);
    if (!refund.ok) throw new Error(refund.error.message);
    expect(refund.value).toMatchObject({ outRefundNo: `R${no}`, outTradeNo: no, status: 'SUCCESS', refundAmount: 500, totalAmount: 1999 });
    const repeat = await provider.refund(request);
    expect(repeat.ok && repeat.value.refundId).toBe(refund.value.refundId);
    expect(gateway.refunds().filter((r) => r.outTradeNo === no)).toHaveLength(1);

    const queried = await provider.queryRefund(`R${no}`);
    expect(queried.ok && queried.value).toMatchObject({ status: 'SUCCESS', refundId: refund.value.refundId });
    const trade = await provider.query(no);
    expect(trade.ok && trade.value.tradeState).toBe('REFUND');

    const tooMuch = await provider.refund({ ...request, outRefundNo: `S${no}`, refundAmount: minor(1500) });
    expect(!tooMuch.ok && tooMuch.error).toMatchObject({ code: 'NOT_ENOUGH', httpStatus: 403 });
    const unknownRefund = await provider.queryRefund('NOSUCHREFUND');
    expect(!unknownRefund.ok && unknownRefund.error).toMatchObject({ code: 'ORDER_NOT_EXIST', providerCode: 'RESOURCE_NOT_EXISTS' });

    const refundCall = must((await receiver.waitFor(2))[1], 'the refund notification');
    const event = provider.parseNotification(refundCall.headers, refundCall.body, new Date());
    expect(event.ok && event.value).toMatchObject({ type: 'REFUND.SUCCESS', refund: { outRefundNo: `R${no}`, status: 'SUCCESS', refundAmount: 500 } });
  });

  it('retries an injected 500 SYSTEM_ERROR and a 429 FREQUENCY_LIMITED with the very same body, then succeeds', async () => {
    const no = outTradeNo();
    gateway.knobs.failNext('create', 1, { status: 500, code: 'SYSTEM_ERROR' });
    gateway.knobs.failNext('create', 1, { status: 429, code: 'FREQUENCY_LIMITED' });
    await create(no);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((c) => c.data)).size).toBe(1);
    expect(JSON.parse(String(must(sent[0], 'the first create call').data)).out_trade_no).toBe(no);
    // Each attempt is signed afresh (new nonce), never a replayed Authorization header.
    expect(new Set(sent.map((c) => String(c.headers.Authorization))).size).toBe(3);
    expect(gateway.trades().filter((t) => t.outTradeNo === no)).toHaveLength(1);
  });

  it('gives up after maxRetries with PROVIDER_UNAVAILABLE', async () => {
    gateway.knobs.failNext('query', 5, { status: 503, code: 'SERVICE_UNAVAILABLE' });
    const result = await provider.query('T000000000001');
    expect(!result.ok && result.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', providerCode: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    expect(sent).toHaveLength(3);
  });

  it('asked for one attempt, makes one: a throttled caller does not multiply calls by the retries', async () => {
    gateway.knobs.failNext('query', 5, { status: 503, code: 'SERVICE_UNAVAILABLE' });
    const result = await provider.query('T000000000001', { once: true });
    expect(!result.ok && result.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', httpStatus: 503 });
    expect(sent).toHaveLength(1);
    gateway.knobs.reset();
  });

  it('never retries a 4xx', async () => {
    gateway.knobs.failNext('create', 1, { status: 400, code: 'PARAM_ERROR', message: 'injected' });
    const result = await provider.createQrPayment({ outTradeNo: outTradeNo(), description: 'x', amount: minor(1), currency: 'CNY', expiresAt: inAnHour() });
    expect(!result.ok && result.error).toMatchObject({ code: 'PROVIDER_REJECTED', providerCode: 'PARAM_ERROR', httpStatus: 400 });
    expect(sent).toHaveLength(1);
  });

  it('times out on a gateway that never answers, and retries into a success', async () => {
    const impatient = new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url, { timeoutMs: 300, maxRetries: 1 }), { http: recordingHttp() });
    gateway.knobs.failNext('query', 2, { hang: true });
    const hung = await impatient.query('T000000000002');
    expect(!hung.ok && hung.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect(!hung.ok && hung.error.message).toMatch(/did not answer within 300 ms/);
    expect(sent).toHaveLength(2);

    const no = outTradeNo();
    await create(no);
    gateway.knobs.failNext('query', 1, { hang: true });
    const recovered = await impatient.query(no);
    expect(recovered.ok && recovered.value.tradeState).toBe('NOTPAY');
  });

  it('bounds the whole exchange, not just socket idleness: a reply trickled byte by byte times out', async () => {
    const trickle = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const tick = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(tick));
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}`;
      const slow = new WechatPayProvider(clientConfig(keys, base, receiver.url, { timeoutMs: 300, maxRetries: 0 }));
      const started = Date.now();
      const result = await slow.query('T000000000005');
      expect(!result.ok && result.error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      trickle.closeAllConnections();
      await new Promise((resolve) => trickle.close(resolve));
    }
  });

  it('reports INVALID_RESPONSE when the reply is not signed by the configured platform key', async () => {
    const impostor = rsaPair();
    const wrongKey = new WechatPayProvider(
      clientConfig(keys, gateway.url, receiver.url, { platformKeys: [{ serial: keys.platformSerial, publicKey: impostor.publicKey }] }),
    );
    const wrongSerial = new WechatPayProvider(
      clientConfig(keys, gateway.url, receiver.url, { platformKeys: [{ serial: 'PUB_KEY_ID_OTHER', publicKey: keys.platformPublicKey }] }),
    );
    for (const p of [wrongKey, wrongSerial]) {
      const result = await p.createQrPayment({ outTradeNo: outTradeNo(), description: 'x', amount: minor(1), currency: 'CNY', expiresAt: inAnHour() });
      expect(!result.ok && result.error.code).toBe('INVALID_RESPONSE');
    }
  });

  it("surfaces the gateway's 401 SIGN_ERROR when our key is not the registered one", async () => {
    const other = rsaPair();
    const badSigner = new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url, { merchantPrivateKey: other.privateKey }));
    const result = await badSigner.query('T000000000003');
    expect(!result.ok && result.error).toMatchObject({ code: 'PROVIDER_REJECTED', providerCode: 'SIGN_ERROR', httpStatus: 401 });
  });

  it('reports PROVIDER_UNAVAILABLE when nothing listens', async () => {
    const nowhere = new WechatPayProvider(clientConfig(keys, 'http://127.0.0.1:9', receiver.url, { maxRetries: 1 }));
    const result = await nowhere.query('T000000000004');
    expect(!result.ok && result.error.code).toBe('PROVIDER_UNAVAILABLE');
  });

  it('is named wechatpay unless the composition root names it otherwise', () => {
    expect(provider.name).toBe('wechatpay');
    expect(new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url), { name: 'sandbox' }).name).toBe('sandbox');
  });

  it('refuses non-CNY amounts locally', async () => {
    const result = await provider.createQrPayment({ outTradeNo: outTradeNo(), description: 'x', amount: minor(100), currency: 'USD', expiresAt: inAnHour() });
    expect(!result.ok && result.error.code).toBe('PROVIDER_REJECTED');
    expect(sent).toHaveLength(0);
  });
});
