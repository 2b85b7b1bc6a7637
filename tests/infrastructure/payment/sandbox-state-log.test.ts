import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxTrade } from '../../../infrastructure/payment/sandbox/sandbox-records';
import { StateLog } from '../../../infrastructure/payment/sandbox/state-log';

const trade = (outTradeNo: string, state: SandboxTrade['state'] = 'NOTPAY'): SandboxTrade => ({
  id: `page-${outTradeNo}`,
  outTradeNo,
  appId: 'wx1',
  mchId: '1900000109',
  description: 'x',
  total: 100,
  currency: 'CNY',
  notifyUrl: 'http://127.0.0.1:9/n',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  state,
  createdAt: new Date().toISOString(),
  refunded: 0,
});
const quiet = () => undefined;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillbot-state-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the sandbox state log', () => {
  it('has every change on disk once durable() resolves, one line each, last line of a key winning on replay', async () => {
    const file = join(dir, 'state.jsonl');
    const log = StateLog.open(file, quiet);
    const a = trade('A1');
    log.state.trades.push(a);
    log.changed({ trade: a });
    log.changed({ trade: trade('B1') });
    a.state = 'SUCCESS';
    log.changed({ trade: a }); // same key in the same batch: written once, as it is now
    await log.durable();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { trade: SandboxTrade }).trade.outTradeNo)).toEqual(['A1', 'B1']);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    a.state = 'REFUND';
    log.changed({ trade: a });
    log.changed({
      notification: { id: 'N1', eventType: 'TRANSACTION.SUCCESS', outTradeNo: 'A1', notifyUrl: 'x', body: '{}', status: 'pending', attempts: [] },
    });
    await log.durable();
    log.changed({ pruned: 'N1' });
    await log.close();

    const again = StateLog.open(file, quiet);
    expect(again.state.trades.map((t) => [t.outTradeNo, t.state])).toEqual([
      ['A1', 'REFUND'],
      ['B1', 'NOTPAY'],
    ]);
    expect(again.state.notifications).toEqual([]);
    // Reopening compacts: one line per live record.
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    await again.close();
  });

  it('ignores a torn last line (never fsync-acknowledged) and refuses a damaged one in the middle', async () => {
    const file = join(dir, 'state.jsonl');
    const log = StateLog.open(file, quiet);
    log.changed({ trade: trade('C1') });
    await log.close();
    appendFileSync(file, '{"trade":{"outTradeNo":"C2","sta');
    const reopened = StateLog.open(file, quiet);
    expect(reopened.state.trades.map((t) => t.outTradeNo)).toEqual(['C1']);
    await reopened.close();

    writeFileSync(file, `not json\n${JSON.stringify({ trade: trade('C3') })}\n`);
    expect(() => StateLog.open(file, quiet)).toThrow(/line 1 is not valid JSON/);
  });

  it('takes over the whole-state JSON file older versions wrote, once', async () => {
    const legacy = join(dir, 'state.json');
    writeFileSync(legacy, JSON.stringify({ trades: [trade('L1', 'SUCCESS')], refunds: [], notifications: [] }));
    const lines: string[] = [];
    const log = StateLog.open(join(dir, 'state.jsonl'), (l) => lines.push(l), legacy);
    expect(log.state.trades.map((t) => [t.outTradeNo, t.state])).toEqual([['L1', 'SUCCESS']]);
    expect(existsSync(legacy)).toBe(false);
    expect(lines.join('\n')).toMatch(/taken over from .*state\.json/);
    await log.close();
  });
});
