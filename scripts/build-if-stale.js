#!/usr/bin/env node
// `npm start`, `migrate`, `reconcile`, `sandbox` build first — but only when something changed: a second start with
// nothing changed skips the compiler altogether (a stat of each source file, milliseconds), and a start after an edit
// compiles incrementally (tsc --incremental keeps what it knew in dist/.tsbuildinfo).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const STAMP = path.join(root, 'dist', '.build-stamp.json');
const SOURCES = ['main.ts', 'domain', 'infrastructure', 'api', 'bot', 'jobs', 'scripts'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** Every input of the build with its modification time; `.ts` under the source folders, plus the configs. */
function inputs() {
  const found = {};
  const walk = (relative) => {
    const full = path.join(root, relative);
    let stat;
    try {
      stat = fs.statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full)) walk(path.join(relative, name));
    } else if (relative.endsWith('.ts') && !relative.endsWith('.test.ts')) found[relative] = stat.mtimeMs;
  };
  for (const source of SOURCES) walk(source);
  for (const config of CONFIGS) {
    try {
      found[config] = fs.statSync(path.join(root, config)).mtimeMs;
    } catch {
      // package-lock.json may be absent in a copy: not an input then.
    }
  }
  return found;
}

function current(seen) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) return false;
  const before = stamp.inputs ?? {};
  const names = Object.keys(seen);
  // A file added or removed, or any one touched since: build (deleted sources leave their old output behind, harmless).
  return names.length === Object.keys(before).length && names.every((name) => before[name] === seen[name]);
}

const seen = inputs();
if (process.argv.includes('--check')) process.exit(current(seen) ? 0 : 1);
if (current(seen) && !process.argv.includes('--force')) process.exit(0);

const started = Date.now();
const tsc = require.resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
// The inputs as they were when the build started: a file saved during the build makes the next start build again.
fs.writeFileSync(STAMP, JSON.stringify({ builtAt: new Date().toISOString(), inputs: seen }));
console.error(`tillbot: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
