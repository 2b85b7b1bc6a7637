// The one table a bench run prints, the JSON it keeps, and the comparison with an earlier JSON.
import { BenchRun, Figure } from './figures';

const fmt = (v: number | null | undefined, unit = ''): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const digits = Number.isInteger(v) || Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderTable(run: BenchRun): string {
  const rows = run.figures.map((f) => [
    f.benchmark,
    f.figure,
    fmt(f.shop, f.unit),
    f.reference === null ? '—' : `${fmt(f.reference, f.unit)} (${f.referenceName})`,
    f.ratio === null ? '—' : `${f.ratio.toFixed(3)}×`,
    f.p50 === undefined ? '—' : `${fmt(f.p50)} / ${fmt(f.p99)} ms`,
    f.refP50 === undefined ? '—' : `${fmt(f.refP50)} / ${fmt(f.refP99)} ms`,
    f.target ?? '',
  ]);
  const notes = run.figures.flatMap((f) => (f.notes ?? []).map((n) => `  ${f.benchmark} · ${f.figure}: ${n}`));
  const failures = run.failures.map((f) => `  FAILED ${f.benchmark}: ${f.error.split('\n')[0]}`);
  return [
    table(['benchmark', 'figure', 'shop', 'reference', 'ratio', 'shop p50 / p99', 'ref p50 / p99', 'target'], rows),
    '',
    'ratio = shop / reference, both measured in this run on this machine; for a rate higher is better, for a time or a size lower is.',
    `The load generator (this process, ${run.settings.connections} keep-alive connections) and the bare references share the ${run.host.cpus} cores with the shop under test.`,
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : []),
    ...(failures.length > 0 ? ['', ...failures] : []),
  ].join('\n');
}

export function renderComparison(previous: BenchRun, current: BenchRun): string {
  const key = (f: Figure) => `${f.benchmark}\u0000${f.figure}`;
  const before = new Map(previous.figures.map((f) => [key(f), f]));
  const rows = current.figures.map((f) => {
    const old = before.get(key(f));
    const delta = old && old.shop !== 0 ? ((f.shop - old.shop) / old.shop) * 100 : null;
    const ratioDelta = old && old.ratio !== null && f.ratio !== null ? f.ratio - old.ratio : null;
    const verdict = delta === null ? '' : (f.better === 'higher' ? delta : -delta) >= 0 ? 'better' : 'worse';
    return [
      f.benchmark,
      f.figure,
      old ? fmt(old.shop, f.unit) : '—',
      fmt(f.shop, f.unit),
      delta === null ? '—' : `${delta >= 0 ? '+' : ''}${delta.toFixed(1)}% ${verdict}`,
      old?.ratio == null ? '—' : `${old.ratio.toFixed(3)}×`,
      f.ratio === null ? '—' : `${f.ratio.toFixed(3)}×`,
      ratioDelta === null ? '—' : `${ratioDelta >= 0 ? '+' : ''}${ratioDelta.toFixed(3)}`,
    ];
  });
  return [
    `compared with the run of ${previous.startedAt}:`,
    table(['benchmark', 'figure', 'before', 'now', 'Δ shop', 'ratio before', 'ratio now', 'Δ ratio'], rows),
  ].join('\n');
}
