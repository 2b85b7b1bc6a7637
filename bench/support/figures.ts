// What a benchmark reports: figures, each the shop's number beside its reference's from the same run.
export interface Figure {
  benchmark: string;
  /** What was measured, e.g. "POST /v1/orders (wechatpay)". */
  figure: string;
  unit: string;
  shop: number;
  reference: number | null;
  referenceName: string | null;
  /** shop / reference. For a rate, higher is better; for a time or a size, lower is. */
  ratio: number | null;
  better: 'higher' | 'lower';
  /** Latency of the shop's requests (ms) and of the reference's transactions, when the figure is a rate. */
  p50?: number;
  p99?: number;
  refP50?: number;
  refP99?: number;
  /** The target for this figure, as text. */
  target?: string;
  notes?: string[];
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const ratio = f.reference === null || f.reference === 0 ? null : f.shop / f.reference;
  return { ...f, ratio };
}

export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  host: { cpus: number; node: string; loadAverage: number[] };
  settings: Record<string, unknown>;
  figures: Figure[];
  failures: Array<{ benchmark: string; error: string }>;
  statements?: unknown;
}
