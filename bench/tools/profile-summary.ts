// `node -r ./scripts/ts-register.js bench/tools/profile-summary.ts <file.cpuprofile> [--skip S] [--until S] [--top N]`
// Where a shop's CPU went under load (a profile from BENCH_CPU_PROF): self time by area (the shop's own layers,
// each npm package, node internals by module, GC, idle) and the top functions, over the window [skip, until]
// seconds after the profile started (skip the start-up, the set-up and the shutdown).
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function area(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  const internal = /^node:(?:internal\/)?([^/]+(?:\/[^/.]+)?)/.exec(url);
  if (internal) return `node ${internal[1]}`;
  const shop = /\/dist\/([^/]+)\//.exec(url);
  if (shop) return `shop ${shop[1]}/`;
  return url.replace(/^file:\/\//, '');
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+(\.\d+)?$/.test(a));
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [--skip S] [--until S] [--top N]');
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const skipUs = opt('--skip', 0) * 1e6;
  const untilUs = opt('--until', Number.POSITIVE_INFINITY) * 1e6;
  const top = opt('--top', 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  let t = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < skipUs || t > untilUs) continue;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const node = profile.samples[i]!;
    selfByNode.set(node, (selfByNode.get(node) ?? 0) + delta);
    total += delta;
  }
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfByNode) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const a = area(frame);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s of samples in the window`);
  console.log('\nself time by area:');
  for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`  ${pct(us)}  ${a}`);
  console.log(`\ntop ${top} functions (self time):`);
  for (const [f, us] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${f}`);
}

main();
