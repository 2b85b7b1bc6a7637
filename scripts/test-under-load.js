#!/usr/bin/env node
// `npm run test:under-load [-- --runs 3 --busy 2]`: the whole suite, several times in a row, while busy loops keep
// the machine's cores loaded — the check that no test waits for a fixed time or needs an idle machine.
// Prints each run's closing line and exits non-zero if any run had a failure.
const { spawn, spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${process.argv[at + 1]}`);
  return value;
}

const runs = option('runs', 3);
const busy = option('busy', os.availableParallelism?.() ?? os.cpus().length);
const burners = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const lines = [];
for (let run = 1; run <= runs; run += 1) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(__dirname, 'run-tests.js')], {
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 30,
  });
  process.stdout.write(result.stdout);
  const closing = (result.stdout.match(/^tests: \d+ passed, \d+ failed$/m) ?? ['tests: 0 passed, 1 failed'])[0];
  lines.push({ run, closing, minutes: ((Date.now() - started) / 60_000).toFixed(1), ok: result.status === 0 });
}
stopBurners();
console.log(`\nthe suite ${runs}× under ${busy} busy loop(s) (load average now ${os.loadavg()[0].toFixed(1)}):`);
for (const l of lines) console.log(`run ${l.run}: ${l.closing} in ${l.minutes} min${l.ok ? '' : ' — FAILED'}`);
process.exit(lines.every((l) => l.ok) ? 0 : 1);
