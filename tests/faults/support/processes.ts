// Real child processes (shops, the standalone sandbox, reconcile) started from the TypeScript sources through
// scripts/ts-register.js, their output kept for failure messages, and every one of them killed in afterAll.
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const TS_REGISTER = join(REPO_ROOT, 'scripts', 'ts-register.js');
const KEPT_LINES = 300;

/** Only what a process needs from the outside world; everything else comes from the test (no developer .env leaks in). */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class RunningProcess {
  readonly exited: Promise<Exit>;
  private readonly lines: string[] = [];
  private readonly watchers = new Set<(line: string) => void>();
  private exit: Exit | null = null;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((done) => {
      // 'close', not 'exit': by then the output streams are drained too.
      child.once('close', (code, signal) => {
        this.exit = { code, signal };
        done(this.exit);
      });
    });
    for (const [stream, tag] of [
      [child.stdout, ''],
      [child.stderr, 'ERR '],
    ] as const) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) this.remember(tag + line);
      });
      stream?.on('end', () => {
        if (partial) this.remember(tag + partial);
        partial = '';
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** The last lines this process wrote (both streams), for a failure message. */
  output(): string {
    return `--- ${this.name} (pid ${this.pid ?? '?'}${this.exit ? `, exited ${this.exit.code ?? this.exit.signal}` : ''}) ---\n${this.lines.join('\n')}`;
  }

  /** Resolves with the first line (already written or still to come) that matches; rejects when the process ends first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    for (const line of this.lines) {
      const found = pattern.exec(line);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => finish(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms\n${this.output()}`)), timeoutMs);
      const watcher = (line: string) => {
        const found = pattern.exec(line);
        if (found) finish(null, found);
      };
      const finish = (error: Error | null, found?: RegExpExecArray) => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
        if (error) reject(error);
        else resolvePromise(found as RegExpExecArray);
      };
      this.watchers.add(watcher);
      void this.exited.then((exit) =>
        finish(new Error(`${this.name} exited (${exit.code ?? exit.signal}) before a line matching ${pattern}\n${this.output()}`)),
      );
    });
  }

  /** Sends the signal and waits for the process to be gone (SIGKILL after 10 s if a SIGTERM is not obeyed). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    if (signal !== 'SIGKILL') {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      const exit = await this.exited;
      clearTimeout(timer);
      return exit;
    }
    return this.exited;
  }

  private remember(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.shift();
    for (const watch of [...this.watchers]) watch(line);
  }
}

/** Every process a test file starts; `killAll()` in afterAll ends them whatever the tests did. */
export class ProcessGroup {
  private readonly started: RunningProcess[] = [];

  /** `node -r scripts/ts-register.js <script>` with exactly `env` (plus PATH/HOME), in `cwd`. */
  start(name: string, script: string, env: Record<string, string>, cwd: string): RunningProcess {
    const child = spawn(process.execPath, ['-r', TS_REGISTER, join(REPO_ROOT, script)], {
      cwd,
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new RunningProcess(name, child);
    this.started.push(started);
    return started;
  }

  /** Runs a script to its end and returns its exit code and output. */
  async run(name: string, script: string, env: Record<string, string>, cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
    const proc = this.start(name, script, env, cwd);
    const timer = setTimeout(() => void proc.kill('SIGKILL'), timeoutMs);
    const exit = await proc.exited;
    clearTimeout(timer);
    return { code: exit.code, output: proc.output() };
  }

  /** The output of every process started so far (for a failing test's message). */
  outputs(): string {
    return this.started.map((p) => p.output()).join('\n');
  }

  async killAll(): Promise<void> {
    await Promise.all(this.started.map((p) => p.kill('SIGKILL')));
  }
}
