// The shop under test as production runs it: `node dist/main.js` in a process of its own (built once per bench
// run), on its own database, Redis key prefix, ports and data folder, with the WeChat Pay sandbox in-process.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SHOP_ENTRY = join(REPO_ROOT, 'dist', 'main.js');
export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
export const BENCH_BOT_TOKEN = '123456789:BENCH_token_for_init_data_checks_0';
const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret-0123456789ab';
const KEPT_LINES = 200;

export async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** Only what a process needs from the outside world; no developer .env or shell settings leak in. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Resident set size of a process in MB (Linux /proc; `ps` elsewhere). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // not Linux, or the process is gone
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every child still running: killed when the bench itself ends, however it ends (Ctrl-C included). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export class ManagedProcess {
  private readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private done = false;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    live.add(child);
    this.exited = new Promise((r) =>
      child.once('close', (code) => {
        live.delete(child);
        this.done = true;
        r(code);
      }),
    );
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) {
          this.lines.push(line);
          if (this.lines.length > KEPT_LINES) this.lines.shift();
        }
      });
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return !this.done;
  }

  output(): string {
    return `--- ${this.name} (pid ${this.pid}) last lines ---\n${this.lines.join('\n')}`;
  }

  /** SIGTERM (a graceful stop: the sandbox writes its state), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.done) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface ShopProcess extends ManagedProcess {
  base: string;
  /** The in-process WeChat Pay sandbox (its admin API is under /sandbox). */
  sandboxBase: string;
  dataDir: string;
  /** Spawn → first 200 from /healthz, in ms. */
  startMs: number;
}

export interface ShopOptions {
  name: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  dataDir: string;
  /** Where the shop's Telegram client is pointed (a local stand-in): the bot is composed but never polls. */
  botApiRoot: string;
  env?: Record<string, string>;
  /** Extra node flags before the entry script (--cpu-prof, -r <preload>). */
  nodeArgs?: string[];
  port?: number;
}

export async function startShop(options: ShopOptions): Promise<ShopProcess> {
  const port = options.port ?? (await freePort());
  const sandboxPort = await freePort();
  const env: Record<string, string> = {
    ...baseEnv(),
    NODE_ENV: 'production',
    TILLBOT_ROLES: 'api,jobs,sandbox',
    HOST: '127.0.0.1',
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: options.redisPrefix,
    ADMIN_API_KEY: BENCH_ADMIN_KEY,
    WEBHOOK_SIGNING_SECRET: BENCH_WEBHOOK_SECRET,
    TELEGRAM_BOT_TOKEN: BENCH_BOT_TOKEN,
    TELEGRAM_API_ROOT: options.botApiRoot,
    LOG_LEVEL: 'warn',
    // The load comes from one address and a few shoppers: limits far above it, still counted (their cost is measured).
    RATE_LIMIT_PER_IP: '1000000',
    RATE_LIMIT_PER_SHOPPER: '1000000',
    RATE_LIMIT_ORDERS_PER_SHOPPER: '1000000',
    RATE_LIMIT_CHECKS_PER_SHOPPER: '1000000',
    RATE_LIMIT_CHECKS_PER_ORDER: '1000000',
    ...options.env,
  };
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SHOP_ENTRY], { cwd: options.dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = new ManagedProcess(options.name, child) as ShopProcess;
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (!proc.running) throw new Error(`shop ${options.name} exited before it answered /healthz\n${proc.output()}`);
    if (Date.now() - started > 120_000) {
      await proc.stop();
      throw new Error(`shop ${options.name} did not answer /healthz within 120 s\n${proc.output()}`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  return Object.assign(proc, { base, sandboxBase: `http://127.0.0.1:${sandboxPort}`, dataDir: options.dataDir, startMs: Date.now() - started });
}

/** A node script of the bench (TypeScript through scripts/ts-register.js) as a child process. */
export function startBenchScript(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): ManagedProcess {
  const child = spawn(process.execPath, [...nodeArgs, '-r', join(REPO_ROOT, 'scripts', 'ts-register.js'), join(REPO_ROOT, script)], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new ManagedProcess(name, child);
}
