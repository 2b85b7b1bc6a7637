// Runs what `npm run import` runs (package.json's script: node, its heap flags, dist/scripts/import.js) as its own
// process, as an operator would, and samples its resident memory from /proc while it works.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { REPO_ROOT, rssMb } from './shop-process';

export interface ImportRun {
  seconds: number;
  peakRssMb: number;
}

/** `npm run import`'s node arguments, read from package.json (the one place they are written). */
function importCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = (scripts.import ?? '').split(/\s+/);
  if (node !== 'node' || !args.includes('dist/scripts/import.js'))
    throw new Error(`package.json's import script is not "node … dist/scripts/import.js": ${scripts.import}`);
  return args;
}

export async function runImportCli(file: string, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<ImportRun> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...importCommand(), file], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined && child.exitCode === null) peak = Math.max(peak, rssMb(child.pid));
  }, 200);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  log.end();
  if (code !== 0) throw new Error(`npm run import ${file} exited with ${code}; see ${logFile}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak };
}
