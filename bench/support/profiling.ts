// BENCH_CPU_PROF=<dir>: the shops of the load benchmarks run under `node --cpu-prof` (profile written when the
// shop stops), for `PERF-PLAN.md`-style analysis. Off by default: the profiler costs a few percent.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export function profilingArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  const target = resolve(dir);
  mkdirSync(target, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${target}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}
