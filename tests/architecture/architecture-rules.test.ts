// The lint rules fail on deliberate violations: dependency-cruiser's import rules (on small trees written for the
// purpose, with the real .dependency-cruiser.js) and typescript-eslint's type-aware rules (on a committed fixture).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Writes the files into a scratch tree shaped like the repository and runs the real rules over it. */
function cruise(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-rules-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node' } }));
    writeFileSync(join(dir, '.dependency-cruiser.js'), `module.exports = require(${JSON.stringify(join(ROOT, '.dependency-cruiser.js'))});\n`);
    const roots = ['main.ts', 'domain', 'infrastructure', 'api', 'bot', 'jobs'].filter((p) => Object.keys(files).some((f) => f === p || f.startsWith(`${p}/`)));
    const run = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.js', '--output-type', 'json', ...roots], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (run.stdout.trim() === '') throw new Error(`depcruise gave no output: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small tree that keeps every rule: the contexts through their faces, a door, an adapter, the composition root. */
const CLEAN: Record<string, string> = {
  'main.ts': "import './infrastructure/composition/compose';\n",
  'domain/shared/result.ts': 'export const ok = 1;\n',
  'domain/shared/digest.ts': "import { createHash } from 'node:crypto';\nexport const hash = (s: string) => createHash('sha256').update(s).digest('hex');\n",
  'domain/catalog/product.ts': "import { ok } from '../shared/result';\nexport const product = ok;\n",
  'domain/catalog/index.ts': "export { product } from './product';\n",
  'domain/ordering/order.ts':
    "import { product } from '../catalog';\nimport { hash } from '../shared/digest';\nexport const order = () => hash(String(product));\n",
  'domain/ordering/index.ts': "export { order } from './order';\n",
  'domain/payment/checkout.ts': "import { order } from '../ordering';\nexport const checkout = order;\n",
  'domain/payment/index.ts': "export { checkout } from './checkout';\n",
  'infrastructure/persistence/repo.ts': "import { product } from '../../domain/catalog';\nexport const repo = product;\n",
  'api/server.ts':
    "import { checkout } from '../domain/payment';\nimport { repo } from '../infrastructure/persistence/repo';\nexport const server = () => [checkout, repo];\n",
  'infrastructure/composition/compose.ts': "import { server } from '../../api/server';\nexport const app = server;\n",
};

describe('the import rules (dependency-cruiser)', () => {
  it('pass a tree that keeps them', () => {
    expect(cruise(CLEAN)).toEqual([]);
  });

  it('fail on each deliberate violation, naming the rule', () => {
    const broken = {
      ...CLEAN,
      // Each broken file is reached from a face or the composition root, so only its own rule fires.
      'domain/catalog/index.ts': `${CLEAN['domain/catalog/index.ts']}export * from './typeorm-in-domain';\nexport * from './random';\n`,
      'domain/ordering/index.ts': `${CLEAN['domain/ordering/index.ts']}export * from './wrong-edge';\n`,
      'domain/payment/index.ts': `${CLEAN['domain/payment/index.ts']}export * from './deep-import';\nexport * from '../shared/knows-a-context';\n`,
      'infrastructure/composition/compose.ts': `${CLEAN['infrastructure/composition/compose.ts']}export * from '../cycle-a';\nexport * from '../imports-a-door';\nexport * from '../../bot/imports-api';\n`,
      'domain/catalog/typeorm-in-domain.ts': "import { DataSource } from 'typeorm';\nexport const db = DataSource;\n",
      'domain/catalog/random.ts': "import { randomInt } from 'node:crypto';\nexport const draw = () => randomInt(10);\n",
      'domain/ordering/wrong-edge.ts': "import { checkout } from '../payment';\nexport const back = checkout;\n",
      'domain/payment/deep-import.ts': "import { order } from '../ordering/order';\nexport const deep = order;\n",
      'domain/shared/knows-a-context.ts': "import { product } from '../catalog';\nexport const kernel = product;\n",
      'infrastructure/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
      'infrastructure/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
      'infrastructure/imports-a-door.ts': "import { server } from '../api/server';\nexport const adapter = server;\n",
      'bot/imports-api.ts': "import { server } from '../api/server';\nexport const bot = server;\n",
      'api/nobody-imports-me.ts': 'export const orphan = 1;\n',
    };
    const found = cruise(broken).map((v) => `${v.rule}: ${v.from}`);
    expect(found.sort()).toEqual(
      [
        'domain-imports-nothing-outside: domain/catalog/typeorm-in-domain.ts',
        'domain-imports-nothing-outside: domain/catalog/random.ts',
        'context-edges-ordering: domain/ordering/wrong-edge.ts',
        'other-contexts-through-their-face: domain/payment/deep-import.ts',
        'shared-kernel-knows-no-context: domain/shared/knows-a-context.ts',
        'no-circular: infrastructure/cycle-a.ts',
        // ordering → payment on top of payment → ordering: the cycle the context edges exist to prevent.
        'no-circular: domain/ordering/index.ts',
        'infrastructure-imports-no-door: infrastructure/imports-a-door.ts',
        'door-bot-imports-no-other-door: bot/imports-api.ts',
        'no-orphans: api/nobody-imports-me.ts',
      ].sort(),
    );
  });
});

describe('the type-aware lint rules (typescript-eslint)', () => {
  it('refuse a promise nobody awaits', () => {
    const eslint = join(ROOT, 'node_modules/eslint/bin/eslint.js');
    const run = spawnSync(process.execPath, [eslint, '--no-inline-config', '--format', 'json', join(__dirname, 'fixtures/floating-promise.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-floating-promises']);
    expect(run.status).toBe(1);
  });
});
