// Issue 11 item 3: data/ holds unsold codes, the admin key and the sandbox's trades. Made 0700 with every file 0600,
// and an existing folder with wider modes is fixed at start, each fix reported.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secureDataDir } from '../../infrastructure/data-dir-permissions';
import { loadConfig } from '../../infrastructure/config/config';
import { composeApp } from '../../infrastructure/composition/compose-app';
import { createLogger } from '../../infrastructure/logging/logger';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every folder and file under `dir`, with its mode. */
function modes(dir: string): Record<string, number> {
  const found: Record<string, number> = { '.': modeOf(dir) };
  const visit = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      found[path] = modeOf(join(dir, path));
      if (statSync(join(dir, path)).isDirectory()) visit(path);
    }
  };
  visit('');
  return found;
}

describe('the data folder is private', () => {
  const roots: string[] = [];
  const scratch = () => {
    const root = mkdtempSync(join(tmpdir(), 'tillbot-perm-'));
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('fixes a folder an older version left world-readable, and says what it fixed', () => {
    const data = join(scratch(), 'data');
    mkdirSync(join(data, 'sandbox'), { recursive: true });
    for (const f of ['tillbot.sqlite', 'tillbot.sqlite-wal', 'tillbot.sqlite-shm', 'secrets.json', 'sandbox/state.jsonl']) writeFileSync(join(data, f), 'x');
    chmodSync(data, 0o755);
    chmodSync(join(data, 'sandbox'), 0o755);
    for (const f of ['tillbot.sqlite', 'tillbot.sqlite-wal', 'tillbot.sqlite-shm', 'sandbox/state.jsonl']) chmodSync(join(data, f), 0o644);
    chmodSync(join(data, 'secrets.json'), 0o600);
    const warnings: string[] = [];
    const fixed = secureDataDir(data, (m) => warnings.push(m));
    expect(fixed).toHaveLength(6);
    expect(warnings).toContainEqual(expect.stringMatching(/tillbot\.sqlite-wal was readable by others \(0644\); now 0600$/));
    expect(modes(data)).toEqual({
      '.': 0o700,
      sandbox: 0o700,
      'sandbox/state.jsonl': 0o600,
      'secrets.json': 0o600,
      'tillbot.sqlite': 0o600,
      'tillbot.sqlite-wal': 0o600,
      'tillbot.sqlite-shm': 0o600,
    });
    expect(secureDataDir(data, (m) => warnings.push(m))).toEqual([]);
  });

  it('a shop started on a fresh folder makes everything in it private: database, WAL, secrets, sandbox state', async () => {
    const data = join(scratch(), 'fresh', 'data');
    const warnings: string[] = [];
    const config = loadConfig({ DATA_DIR: data, LOG_LEVEL: 'silent', SANDBOX_PORT: '0', TELEGRAM_BOT_TOKEN: '123456789:TEST_token_for_init_data_checks_0001' });
    const app = await composeApp(config, createLogger('silent'));
    try {
      // A write, so the WAL and shared-memory files exist, and a trade, so the sandbox writes its state.
      await app.persistence.dataSource.query("UPDATE accounts SET balance = balance WHERE user_id = 'nobody'");
      await app.shop.catalog.createProduct({ sku: 'P', title: 'P', kind: 'manual', price: { amount: 100 }, stock: 1 });
      await app.payments.sandbox?.idle();
    } finally {
      await app.close();
    }
    const found = modes(data);
    expect(found['.']).toBe(0o700);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['tillbot.sqlite', 'secrets.json']));
    for (const [path, mode] of Object.entries(found)) expect([path, mode & 0o077]).toEqual([path, 0]);
    expect(warnings).toEqual([]);
  });
});
