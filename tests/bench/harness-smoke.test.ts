// The bench harness (bench/) in a few seconds, without a database: its clients speak what the shop verifies (init
// data, signed and encrypted notifications, read from the key file the sandbox writes), and its load generator and
// report produce a well-formed figure against the bare fastify reference. No speed is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../../bench/support/figures';
import { runLoad } from '../../bench/support/load';
import { startBareFastify } from '../../bench/support/references';
import { renderTable } from '../../bench/support/report';
import { signInitData } from '../../bench/support/shop-client';
import { BENCH_BOT_TOKEN } from '../../bench/support/shop-process';
import { readSandboxKeys, signNotification } from '../../bench/support/wechatpay-notify';
import { ensureSandboxKeys } from '../../infrastructure/payment/sandbox/sandbox-keys';
import { WechatPayProvider } from '../../infrastructure/payment/wechatpay/wechatpay-provider';
import { verifyInitData } from '../../infrastructure/telegram/init-data';

describe('bench harness', () => {
  it("signs shoppers in the way the shop's init-data check accepts", () => {
    const checked = verifyInitData(signInitData(4242), BENCH_BOT_TOKEN, 3600, new Date());
    expect(checked).toMatchObject({ ok: true, shopper: { id: '4242' } });
  });

  it('sends payment notifications the shop verifies and decrypts, with the keys the sandbox wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const keys = await ensureSandboxKeys(join(dir, 'sandbox'));
      const provider = new WechatPayProvider(keys.wechatPayConfig('http://127.0.0.1:1', 'http://127.0.0.1:1/notify'));
      const paidAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const signed = await signNotification(readSandboxKeys(dir), {
        outTradeNo: 'T202612010000001234567890',
        total: 100,
        currency: 'CNY',
        transactionId: '4200000000202612010000000001',
        paidAt,
      });
      const parsed = provider.parseNotification(signed.headers, signed.body, new Date());
      expect(parsed).toMatchObject({
        ok: true,
        value: { type: 'TRANSACTION.SUCCESS', trade: { outTradeNo: 'T202612010000001234567890', amount: 100, tradeState: 'SUCCESS' } },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('measures the bare fastify route and reports a well-formed figure', async () => {
    const bare = await startBareFastify();
    try {
      const load = await runLoad({ base: bare.base, connections: 4, seconds: 1, next: () => ({ method: 'GET', path: '/hello' }) });
      expect(load.failed).toBe(0);
      expect(load.ok).toBeGreaterThan(0);
      expect(load.p50).toBeGreaterThan(0);
      expect(load.p99).toBeGreaterThanOrEqual(load.p50);
      const f = figure({
        benchmark: 'smoke',
        figure: 'GET /hello',
        unit: 'req/s',
        shop: load.perSecond,
        reference: load.perSecond * 2,
        referenceName: 'twice',
        better: 'higher',
        p50: load.p50,
        p99: load.p99,
      });
      expect(f.ratio).toBeCloseTo(0.5, 5);
      const text = renderTable({
        startedAt: 'now',
        finishedAt: 'now',
        host: { cpus: 2, node: process.version, loadAverage: [] },
        settings: { connections: 4 },
        figures: [f],
        failures: [],
      });
      expect(text).toMatch(/smoke\s+GET \/hello\s+\d+ req\/s/);
      expect(text).toMatch(/0\.500×/);
      expect(text).toMatch(/share the 2 cores/);
    } finally {
      await bare.stop();
    }
  });
});
