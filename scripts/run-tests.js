#!/usr/bin/env node
// `npm test`: runs jest, then prints one plain closing line from jest's JSON result (CI reads that line).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const out = path.join(os.tmpdir(), `tillbot-jest-${process.pid}.json`);
const args = [require.resolve('jest/bin/jest'), '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let ran = false;
try {
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
  ran = true;
  fs.unlinkSync(out);
} catch {
  failed = failed || 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
const code = run.status === null ? 1 : run.status;
process.exit(ran && failed === 0 && passed > 0 ? code : code || 1);
