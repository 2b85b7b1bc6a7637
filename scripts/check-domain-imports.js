#!/usr/bin/env node
// The domain stays pure: no framework or driver may be imported from domain/ (ports live there, adapters outside).
const fs = require('node:fs');
const path = require('node:path');

const FORBIDDEN = ['typeorm', 'ioredis', 'axios', 'telegraf', 'fastify', 'node-cron', 'qrcode', 'mysql2', 'better-sqlite3', 'pino', 'jsqr', 'pngjs'];
const OUTSIDE = ['infrastructure', 'api', 'bot', 'jobs'];
const root = path.resolve(__dirname, '..', 'domain');
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|js)$/.test(entry.name)) yield full;
  }
}

const problems = [];
for (const file of walk(root)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] || m[2] || m[3];
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (FORBIDDEN.includes(pkg)) problems.push(`${path.relative(process.cwd(), file)}: imports "${spec}" (a framework/driver; put it behind a port)`);
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      const top = path.relative(path.resolve(root, '..'), target).split(path.sep)[0];
      if (OUTSIDE.includes(top))
        problems.push(`${path.relative(process.cwd(), file)}: imports "${spec}" from ${top}/ (the domain depends on nothing outside it)`);
    }
  }
}
if (problems.length > 0) {
  console.error(`domain purity check failed:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('domain purity check: ok');
