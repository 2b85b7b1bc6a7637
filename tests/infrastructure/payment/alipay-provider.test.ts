// The Alipay adapter (the official SDK underneath) against the sandbox's Alipay stand-in: real HTTP, real RSA2 both
// ways, the stand-in's own keys. Forged notifications are built by hand here, independently of the stand-in.
import { createPrivateKey, createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minor } from '../../../domain/shared/money';
import { AlipayProvider } from '../../../infrastructure/payment/alipay/alipay-provider';
import { AlipaySandboxKeys, ensureAlipaySandboxKeys } from '../../../infrastructure/payment/sandbox/alipay/alipay-sandbox-keys';
import { SandboxGateway, startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { ensureSandboxKeys } from '../../../infrastructure/payment/sandbox/sandbox-keys';
import { eventually } from '../../support/test-shop';
import { must } from '../../support/must';

let dir: string;
let gateway: SandboxGateway;
let keys: AlipaySandboxKeys;
let provider: AlipayProvider;
let merchant: Server;
const received: string[] = [];
let seq = 0;
const no = () => `A${Date.now()}${String(++seq).padStart(4, '0')}`;
const alipay = () => must(gateway.alipay, 'the Alipay stand-in');
/** The value of a Result that must have succeeded (its error, if not, in the failure). */
const value = <T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillbot-alipay-'));
  const [wechat, ali] = await Promise.all([ensureSandboxKeys(dir), ensureAlipaySandboxKeys(dir)]);
  keys = ali;
  merchant = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.end('success');
    });
  });
  await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
  gateway = await startSandboxGateway({
    credentials: wechat.gateway,
    alipay: { credentials: ali.gateway },
    timeScale: 0.001,
    adminToken: 'alipay-test-admin-token-0001',
  });
  const notifyUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/notify`;
  provider = new AlipayProvider(keys.alipayConfig(alipay().gatewayUrl, notifyUrl));
});
afterAll(async () => {
  await gateway.close();
  await new Promise((r) => merchant.close(r));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => gateway.knobs.reset());

const qr = (outTradeNo: string, amount = 990) =>
  provider.createQrPayment({ outTradeNo, description: 'Tea, 250 g', amount: minor(amount), currency: 'CNY', expiresAt: new Date(Date.now() + 15 * 60_000) });

describe('Alipay face-to-face through alipay-sdk against the stand-in', () => {
  it('precreates a QR (the same one again for the same trade), and the trade exists once scanned', async () => {
    const outTradeNo = no();
    const code = value(await qr(outTradeNo));
    expect(code.codeUrl).toMatch(/\/alipay\/qr\/[0-9a-f]{24}$/);
    expect(value(await qr(outTradeNo)).codeUrl).toBe(code.codeUrl);
    const other = await qr(outTradeNo, 1000);
    expect(other.ok || other.error.code).toBe('PROVIDER_REJECTED');
    // Alipay knows a precreated trade only once the buyer scans it.
    const before = await provider.query(outTradeNo);
    expect(before.ok || before.error.code).toBe('ORDER_NOT_EXIST');
    const page = await fetch(code.codeUrl);
    expect(await page.text()).toContain('¥9.90');
    expect(value(await provider.query(outTradeNo))).toMatchObject({ outTradeNo, tradeState: 'NOTPAY' });
  });

  it('a paid trade reads SUCCESS with the exact amount, and its signed notification verifies', async () => {
    const outTradeNo = no();
    value(await qr(outTradeNo, 1234));
    value(alipay().pay(outTradeNo));
    const trade = value(await provider.query(outTradeNo));
    expect(trade).toMatchObject({ tradeState: 'SUCCESS', amount: 1234, currency: 'CNY' });
    expect(trade.transactionId).toMatch(/^\d{28}$/);
    const body = await eventually(
      async () => received.find((b) => new URLSearchParams(b).get('out_trade_no') === outTradeNo),
      (b) => b !== undefined,
    );
    const event = value(provider.parseNotification({}, Buffer.from(body as string), new Date()));
    expect(event).toMatchObject({
      type: 'TRANSACTION.SUCCESS',
      trade: { outTradeNo, tradeState: 'SUCCESS', amount: 1234, transactionId: trade.transactionId },
    });
  });

  it('closes an unpaid trade; a paid one is ALREADY_PAID; an unscanned one does not exist', async () => {
    const open = no();
    const { codeUrl } = value(await qr(open));
    await fetch(codeUrl);
    value(await provider.close(open));
    expect(value(await provider.query(open)).tradeState).toBe('CLOSED');
    const paid = no();
    value(await qr(paid));
    value(alipay().pay(paid));
    const refused = await provider.close(paid);
    expect(refused.ok || refused.error.code).toBe('ALREADY_PAID');
    const unscanned = no();
    value(await qr(unscanned));
    const missing = await provider.close(unscanned);
    expect(missing.ok || missing.error.code).toBe('ORDER_NOT_EXIST');
  });

  it('refunds in part, idempotently by out_request_no, never more than was paid', async () => {
    const outTradeNo = no();
    value(await qr(outTradeNo, 990));
    value(alipay().pay(outTradeNo));
    const request = { outTradeNo, outRefundNo: `${outTradeNo}R1`, refundAmount: minor(300), totalAmount: minor(990), currency: 'CNY', reason: 'one broken' };
    expect(value(await provider.refund(request))).toMatchObject({ status: 'SUCCESS', refundAmount: 300 });
    expect(value(await provider.refund(request))).toMatchObject({ status: 'SUCCESS', refundAmount: 300 });
    expect(alipay().trade(outTradeNo)?.refunded).toBe(300);
    expect(value(await provider.queryRefund(request.outRefundNo, outTradeNo))).toMatchObject({ status: 'SUCCESS', refundAmount: 300, totalAmount: 990 });
    const unknown = await provider.queryRefund(`${outTradeNo}R9`, outTradeNo);
    expect(unknown.ok || unknown.error.code).toBe('ORDER_NOT_EXIST');
    const tooMuch = await provider.refund({ ...request, outRefundNo: `${outTradeNo}R2`, refundAmount: minor(691) });
    expect(tooMuch.ok || tooMuch.error.code).toBe('NOT_ENOUGH');
    expect(value(await provider.query(outTradeNo)).tradeState).toBe('SUCCESS');
    // The rest refunded too: Alipay closes the trade, which was paid all the same.
    value(await provider.refund({ ...request, outRefundNo: `${outTradeNo}R3`, refundAmount: minor(690) }));
    expect(value(await provider.query(outTradeNo))).toMatchObject({ tradeState: 'REFUND', amount: 990 });
  });

  it('retries what the gateway could not serve, and says PROVIDER_UNAVAILABLE when it keeps failing', async () => {
    const outTradeNo = no();
    value(await qr(outTradeNo));
    gateway.knobs.failNext('query', 2, { status: 503, code: 'SYSTEM_ERROR' });
    const q = await provider.query(outTradeNo);
    expect(q.ok || q.error.code).toBe('ORDER_NOT_EXIST');
    gateway.knobs.failNext('query', 1, { status: 503, code: 'SYSTEM_ERROR' });
    const once = await provider.query(outTradeNo, { once: true });
    expect(once.ok || once.error.code).toBe('PROVIDER_UNAVAILABLE');
    gateway.knobs.failNext('create', 1, { status: 400, code: 'ACQ.SYSTEM_ERROR' });
    expect(value(await qr(outTradeNo)).codeUrl).toContain('/alipay/qr/');
  });

  it('refuses a reply not signed by the Alipay key it trusts', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fooled = new AlipayProvider({ ...keys.alipayConfig(alipay().gatewayUrl, 'http://127.0.0.1:9/n'), alipayPublicKey: stranger });
    const made = await fooled.createQrPayment({
      outTradeNo: no(),
      description: 'x',
      amount: minor(100),
      currency: 'CNY',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(made.ok || made.error.code).toBe('INVALID_RESPONSE');
  });

  it('the gateway refuses a request not signed by the app key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const impostor = new AlipayProvider({ ...keys.alipayConfig(alipay().gatewayUrl, 'http://127.0.0.1:9/n'), privateKey: other });
    const made = await impostor.query(no());
    expect(made.ok || [made.error.code, made.error.providerCode]).toEqual(['PROVIDER_REJECTED', 'isv.invalid-signature']);
  });
});

describe('Alipay notifications: only a genuine, paid, ours is believed', () => {
  const alipayKey = () => createPrivateKey(keys.gateway.alipayPrivateKey);
  const signed = (params: Record<string, string>, key = alipayKey()): string => {
    const content = Object.keys(params)
      .filter((k) => k !== 'sign' && k !== 'sign_type')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const sign = createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');
    return new URLSearchParams({ ...params, sign }).toString();
  };
  const genuine = (over: Record<string, string> = {}) => ({
    notify_time: '2026-12-02 18:00:00',
    notify_type: 'trade_status_sync',
    notify_id: 'n0000000001',
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    app_id: keys.gateway.appId,
    out_trade_no: 'T20261202000001',
    trade_no: '2026120222000000000000000001',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '9.90',
    gmt_payment: '2026-12-02 17:59:58',
    ...over,
  });
  const parse = (body: string) => provider.parseNotification({}, Buffer.from(body), new Date());

  it('believes a genuine one, in yuan mapped exactly to fen', () => {
    const event = value(parse(signed(genuine())));
    expect(event).toMatchObject({
      eventId: 'n0000000001',
      trade: { outTradeNo: 'T20261202000001', amount: 990, currency: 'CNY', successTime: new Date('2026-12-02T09:59:58Z') },
    });
    expect(value(parse(signed(genuine({ trade_status: 'TRADE_FINISHED', total_amount: '0.01' }))))).toMatchObject({ trade: { amount: 1 } });
  });

  it('believes one with an empty parameter, signed with or without it (the Java and the Node SDK differ)', () => {
    const params = genuine({ passback_params: '' });
    const withoutEmpty = Object.keys(params)
      .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k as keyof typeof params] !== '')
      .sort()
      .map((k) => `${k}=${params[k as keyof typeof params]}`)
      .join('&');
    const javaStyle = new URLSearchParams({ ...params, sign: createSign('RSA-SHA256').update(withoutEmpty, 'utf8').sign(alipayKey(), 'base64') }).toString();
    expect(parse(javaStyle).ok).toBe(true);
    expect(parse(signed(params)).ok).toBe(true);
  });

  it.each([
    ['a bad signature', () => signed(genuine()).replace(/sign=[^&]+/, `sign=${encodeURIComponent(Buffer.alloc(256, 7).toString('base64'))}`), 'BAD_SIGNATURE'],
    ['another key', () => signed(genuine(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), 'BAD_SIGNATURE'],
    ['a tampered amount', () => signed(genuine()).replace('total_amount=9.90', 'total_amount=0.01'), 'BAD_SIGNATURE'],
    ['another app_id', () => signed(genuine({ app_id: '2021999999999999' })), 'WRONG_MERCHANT'],
    ['WAIT_BUYER_PAY', () => signed(genuine({ trade_status: 'WAIT_BUYER_PAY' })), 'UNSUPPORTED_EVENT'],
    ['TRADE_CLOSED', () => signed(genuine({ trade_status: 'TRADE_CLOSED' })), 'UNSUPPORTED_EVENT'],
    ['an amount with three decimals', () => signed(genuine({ total_amount: '9.901' })), 'MALFORMED_BODY'],
    ['no signature', () => new URLSearchParams(genuine()).toString(), 'MISSING_HEADERS'],
    ['sign_type RSA', () => signed(genuine({ sign_type: 'RSA' })), 'BAD_SIGNATURE'],
  ])('refuses %s', (_what, body, code) => {
    const parsed = parse(body());
    expect(parsed.ok || parsed.error.code).toBe(code);
  });
});
