// Starting the references beside the shop: a fresh database with the shop's schema for the bare SQL, the bare-SQL
// process itself, and the bare fastify process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSettings } from './settings';
import { BenchDatabase, createDatabase } from './services';
import { ManagedProcess, REPO_ROOT, baseEnv, freePort, startBenchScript } from './shop-process';

export interface BareSqlResult {
  kind: string;
  done: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function run(proc: ManagedProcess, timeoutMs: number): Promise<number | null> {
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return code;
}

/** A fresh database whose schema is the shop's own: its migrations run on it, exactly as `npm run migrate` does. */
export async function migratedDatabase(settings: BenchSettings, prefix: string): Promise<BenchDatabase> {
  const db = await createDatabase(settings.databaseUrl, prefix, settings.keep);
  const dataDir = mkdtempSync(join(tmpdir(), 'tillbot-bench-migrate-'));
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'scripts', 'migrate.js')], {
    cwd: dataDir,
    env: { ...baseEnv(), DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new ManagedProcess('migrate', child);
  const code = await run(proc, 120_000);
  rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0) {
    await db.drop();
    throw new Error(`migrations on the reference database failed\n${proc.output()}`);
  }
  return db;
}

/** Runs one bare-SQL reference in its own process on its own fresh database, then drops the database. */
export async function runBareSql(settings: BenchSettings, kind: string, extra: Record<string, unknown> = {}): Promise<BareSqlResult> {
  const db = await migratedDatabase(settings, 'tb_bench_ref');
  try {
    const options = { kind, url: db.url, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, ...extra };
    const proc = startBenchScript(`bare-sql ${kind}`, 'bench/references/bare-sql.ts', { BENCH_REF: JSON.stringify(options) });
    const code = await run(proc, 300_000);
    const line = /RESULT (\{.*\})/.exec(proc.output());
    if (code !== 0 || !line) throw new Error(`bare-sql ${kind} failed (exit ${code})\n${proc.output()}`);
    return JSON.parse(line[1]!) as BareSqlResult;
  } finally {
    await db.drop();
  }
}

export interface BareFastify {
  base: string;
  proc: ManagedProcess;
  /** Spawn → first 200 from /healthz, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

export async function startBareFastify(): Promise<BareFastify> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bench', 'references', 'bare-fastify.js')], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = new ManagedProcess('bare-fastify', child);
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (!proc.running) throw new Error(`bare fastify exited\n${proc.output()}`);
    if (Date.now() - started > 30_000) {
      await proc.stop();
      throw new Error(`bare fastify did not answer within 30 s\n${proc.output()}`);
    }
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) })).status === 200) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { base, proc, startMs: Date.now() - started, stop: () => proc.stop() };
}
