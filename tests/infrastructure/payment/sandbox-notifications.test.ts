import { minor } from '../../../domain/shared/money';
import { NOTIFY_RETRY_SCHEDULE_SECONDS } from '../../../infrastructure/payment/sandbox/notification-dispatcher';
import { SandboxGateway, startSandboxGateway } from '../../../infrastructure/payment/sandbox/sandbox-gateway';
import { WechatPayProvider } from '../../../infrastructure/payment/wechatpay/wechatpay-provider';
import { Receiver, clientConfig, gatewayCredentials, makeTestKeys, startReceiver, SANDBOX_TOKEN } from './payment-fixtures';
import { must } from '../../support/must';

const keys = makeTestKeys();
const SCALE = 0.001;
let gateway: SandboxGateway;
let receiver: Receiver;
let provider: WechatPayProvider;
let seq = 0;
// setTimeout may fire a millisecond "early" against Date.now() rounding; the bounds below allow for that only.
const SLACK_MS = 2;

beforeAll(async () => {
  receiver = await startReceiver();
  gateway = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, timeScale: SCALE, refundDelayMs: 0 });
  provider = new WechatPayProvider(clientConfig(keys, gateway.url, receiver.url));
});

afterAll(async () => {
  await gateway.close();
  await receiver.close();
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.respond = () => 204;
  gateway.knobs.reset();
});

async function paidOrder(p: WechatPayProvider = provider, g: SandboxGateway = gateway): Promise<string> {
  const no = `N${Date.now()}${String(++seq).padStart(4, '0')}`;
  const created = await p.createQrPayment({
    outTradeNo: no,
    description: 'notify test',
    amount: minor(100),
    currency: 'CNY',
    expiresAt: new Date(Date.now() + 600_000),
  });
  if (!created.ok) throw new Error(created.error.message);
  const paid = g.pay(no);
  if (!paid.ok) throw new Error(paid.error.message);
  return no;
}

/** The shop's notify endpoint in miniature: 204 for a verified event, 400 otherwise. */
const verifyingShop = (rejections: string[]) => (req: { headers: Record<string, string | string[] | undefined>; body: Buffer }) => {
  const parsed = provider.parseNotification(req.headers, req.body, new Date());
  if (!parsed.ok) rejections.push(parsed.error.code);
  return parsed.ok ? 204 : 400;
};

/** Milliseconds between consecutive deliveries (calls[i] comes before calls[i + 1], so i is in bounds). */
const gapsBetween = (calls: ReadonlyArray<{ at: number }>): number[] => calls.slice(1).map((c, i) => c.at - calls[i]!.at);
const retryDelaySeconds = (retry: number): number => must(NOTIFY_RETRY_SCHEDULE_SECONDS[retry], `a scheduled delay for retry ${retry + 1}`);

describe('sandbox notifications', () => {
  it('retries an unacknowledged notification on the (time-scaled) schedule and stops after a 204', async () => {
    receiver.respond = (_req, call) => (call <= 3 ? 500 : 204);
    const no = await paidOrder();
    const calls = await receiver.waitFor(4);
    await gateway.idle();
    expect(receiver.received).toHaveLength(4);
    const gaps = gapsBetween(calls);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(retryDelaySeconds(i) * 1000 * SCALE - SLACK_MS));
    // The same event every time; only the signature headers are fresh.
    expect(new Set(calls.map((c) => c.body.toString())).size).toBe(1);
    expect(new Set(calls.map((c) => c.headers['wechatpay-nonce'])).size).toBe(4);
    const record = gateway.notifications().find((n) => n.outTradeNo === no);
    expect(record?.status).toBe('acknowledged');
    expect(record?.attempts.map((a) => a.acknowledged)).toEqual([false, false, false, true]);
  });

  it('counts a 200 as acknowledged, whatever its body says', async () => {
    receiver.respond = () => 200;
    const no = await paidOrder();
    await receiver.waitFor(1);
    await gateway.idle();
    expect(receiver.received).toHaveLength(1);
    expect(gateway.notifications().find((n) => n.outTradeNo === no)?.status).toBe('acknowledged');
  });

  it('drops the next notification entirely when asked, then delivers again', async () => {
    gateway.knobs.dropNotifications(1);
    const dropped = await paidOrder();
    await gateway.idle();
    expect(receiver.received).toHaveLength(0);
    expect(gateway.notifications().find((n) => n.outTradeNo === dropped)?.status).toBe('dropped');
    // The shop can still learn of the payment by querying.
    const trade = await provider.query(dropped);
    expect(trade.ok && trade.value.tradeState).toBe('SUCCESS');
    await paidOrder();
    await receiver.waitFor(1);
  });

  it('duplicates each delivery K times concurrently, all the same event', async () => {
    gateway.knobs.duplicateNotifications(3);
    await paidOrder();
    const calls = await receiver.waitFor(3);
    await gateway.idle();
    expect(receiver.received).toHaveLength(3);
    const ids = calls.map((c) => {
      const e = provider.parseNotification(c.headers, c.body, new Date());
      return e.ok ? e.value.eventId : e.error.code;
    });
    expect(new Set(ids).size).toBe(1);
  });

  it('delays the first delivery by the configured time', async () => {
    gateway.knobs.delayNotifications(150);
    const before = Date.now();
    await paidOrder();
    const [first] = await receiver.waitFor(1);
    expect(must(first, 'a first delivery').at - before).toBeGreaterThanOrEqual(150 - SLACK_MS);
  });

  it.each([
    ['signature', 'BAD_SIGNATURE'],
    ['ciphertext', 'DECRYPT_FAILED'],
    ['serial', 'UNKNOWN_SERIAL'],
  ] as const)('corrupts the next delivery (%s); the shop rejects it and the genuine retry is accepted', async (kind, code) => {
    const rejections: string[] = [];
    receiver.respond = verifyingShop(rejections);
    gateway.knobs.corruptNotifications(1, kind);
    const no = await paidOrder();
    await receiver.waitFor(2);
    await gateway.idle();
    expect(rejections).toEqual([code]);
    const record = gateway.notifications().find((n) => n.outTradeNo === no);
    expect(record?.attempts.map((a) => a.corrupted ?? 'genuine')).toEqual([kind, 'genuine']);
    expect(record?.status).toBe('acknowledged');
  });

  it('keeps retrying through network errors', async () => {
    const unreachable = new WechatPayProvider(clientConfig(keys, gateway.url, 'http://127.0.0.1:9/notify'));
    const no = await paidOrder(unreachable);
    const deadline = Date.now() + 5000;
    let attempts = 0;
    while (attempts < 3 && Date.now() < deadline) {
      attempts = gateway.notifications().find((n) => n.outTradeNo === no)?.attempts.length ?? 0;
      await new Promise((r) => setTimeout(r, 10));
    }
    const record = gateway.notifications().find((n) => n.outTradeNo === no);
    expect(record?.status).toBe('pending');
    expect(record?.attempts[0]?.statuses[0]).toBe('ECONNREFUSED');
  });
});

describe('sandbox notification schedule, end to end', () => {
  it('makes 1 + 15 attempts with growing gaps and then gives up', async () => {
    const scale = 0.00002; // the whole 24h4m schedule in about 1.7 s
    const local = await startReceiver();
    local.respond = () => 503;
    const g = await startSandboxGateway({ credentials: gatewayCredentials(keys), adminToken: SANDBOX_TOKEN, timeScale: scale });
    try {
      const p = new WechatPayProvider(clientConfig(keys, g.url, local.url));
      const no = await paidOrder(p, g);
      await local.waitFor(16, 20_000);
      await g.idle();
      expect(local.received).toHaveLength(16);
      const record = g.notifications().find((n) => n.outTradeNo === no);
      expect(record?.status).toBe('gave_up');
      const gaps = gapsBetween(local.received);
      gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(retryDelaySeconds(i) * 1000 * scale - SLACK_MS));
    } finally {
      await g.close();
      await local.close();
    }
  });

  it('uses the documented schedule: 15 intervals adding up to 24h4m', () => {
    expect(NOTIFY_RETRY_SCHEDULE_SECONDS).toHaveLength(15);
    expect(NOTIFY_RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0)).toBe(24 * 3600 + 4 * 60);
  });
});
