// `npm run bench [-- <name>…] [-- --compare old.json]`: builds the shop once, runs the benchmarks (each on its own
// fresh database and Redis prefix, its shop a separate `node dist/main.js`), prints one table, writes
// bench/results/latest.json. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { catalog } from './benchmarks/catalog';
import { delivery } from './benchmarks/delivery';
import { notifications } from './benchmarks/notifications';
import { creditOrder, qrOrder } from './benchmarks/place-orders';
import { repair } from './benchmarks/repair';
import { search } from './benchmarks/search';
import { startup } from './benchmarks/startup';
import { statements } from './benchmarks/statements';
import { startBotApiStub } from './support/bot-api-stub';
import { BenchRun, Figure } from './support/figures';
import { renderComparison, renderTable } from './support/report';
import { readSettings } from './support/settings';
import { checkServices } from './support/services';
import { REPO_ROOT } from './support/shop-process';
import { BenchContext } from './support/world';
import { must } from './support/must';

interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'startup', run: startup },
  { name: 'qr-order', run: qrOrder },
  { name: 'credit-order', run: creditOrder },
  { name: 'notifications', run: notifications },
  { name: 'delivery', run: delivery },
  { name: 'catalog', run: catalog },
  { name: 'repair', run: repair },
  { name: 'statements', run: statements },
  { name: 'search', run: search },
];

function parseArgs(argv: string[]): { names: string[]; compare: string | null; out: string } {
  const names: string[] = [];
  let compare: string | null = null;
  let out = join(REPO_ROOT, 'bench', 'results', 'latest.json');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = must(argv[i], 'argument');
    if (arg === '--compare') compare = argv[++i] ?? null;
    else if (arg.startsWith('--compare=')) compare = arg.slice('--compare='.length);
    else if (arg === '--out') out = argv[++i] ?? out;
    else if (arg === '--rows' || arg === '--backend')
      i += 1; // read by the search benchmark itself
    else if (arg === '--help' || arg === '-h') {
      console.log(
        `usage: npm run bench [-- <name>…] [--compare old.json] [--out file.json] [--rows N] [--backend mysql|sqlite] (search)\nbenchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
      );
      process.exit(0);
    } else names.push(arg);
  }
  if (compare === '') throw new Error('--compare needs a JSON file');
  for (const name of names)
    if (!BENCHMARKS.some((b) => b.name === name)) throw new Error(`no benchmark "${name}"; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  return { names, compare, out };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings = readSettings();
  const previous = args.compare ? (JSON.parse(readFileSync(args.compare, 'utf8')) as BenchRun) : null;
  const log = (line: string) => console.error(`bench: ${line}`);
  await checkServices(settings.databaseUrl, settings.redisUrl);
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the shop (npm run build)');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const selected = args.names.length > 0 ? BENCHMARKS.filter((b) => args.names.includes(b.name)) : BENCHMARKS;
  const botApi = await startBotApiStub();
  const ctx: BenchContext = { settings, botApi, log };
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    host: { cpus: cpus().length, node: process.version, loadAverage: loadavg() },
    settings: { ...settings, databaseUrl: settings.databaseUrl.replace(/\/\/[^@]*@/, '//…@') },
    figures: [],
    failures: [],
  };
  try {
    for (const bench of selected) {
      const t0 = Date.now();
      log(`${bench.name}: start`);
      try {
        run.figures.push(...(await bench.run(ctx)));
        log(`${bench.name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      } catch (e) {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        run.failures.push({ benchmark: bench.name, error });
        log(`${bench.name}: FAILED ${error}`);
      }
    }
  } finally {
    await botApi.close();
  }
  run.finishedAt = new Date().toISOString();
  mkdirSync(join(args.out, '..'), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(run, null, 2)}\n`);
  console.log(renderTable(run));
  if (previous) console.log(`\n${renderComparison(previous, run)}`);
  console.log(`\nresults: ${args.out}`);
  process.exit(run.failures.length > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
