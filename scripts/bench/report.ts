// Output and statistics of the benchmark: results as one JSON object per line on stdout, human
// progress on stderr, and the timing loop every case shares.
import { performance } from 'node:perf_hooks';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/** One result line on stdout. */
export function emit(line: { bench: string; [key: string]: Json | undefined }): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Progress for the human watching, on stderr. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Milliseconds rounded to 0.01 ms (PostgreSQL answers small queries in well under a millisecond). */
export const ms = (value: number): number => Math.round(value * 100) / 100;

/** Nearest-rank percentile of sorted samples: the smallest sample ≥ p % of all samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  p50_ms: number;
  p95_ms: number;
  min_ms: number;
  max_ms: number;
  mean_ms: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50_ms: ms(percentile(sorted, 50)),
    p95_ms: ms(percentile(sorted, 95)),
    min_ms: ms(sorted[0]!),
    max_ms: ms(sorted[sorted.length - 1]!),
    mean_ms: ms(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    n: sorted.length,
  };
}

export interface TimingPlan {
  /** Untimed calls first (plans cached, pages in memory); fewer once they took warmupBudgetMs. */
  warmup: number;
  warmupBudgetMs: number;
  /** Timed calls wanted. */
  n: number;
  /** Stop timing once this much time went by (and at least minN calls were timed). */
  budgetMs: number;
  minN: number;
}

/**
 * Times `call` sequentially, as the app's worker runs calls one at a time. Returns the samples
 * and the last result (for a sanity summary of what was measured).
 */
export async function timeCalls<T>(
  call: () => Promise<T>,
  plan: TimingPlan,
): Promise<{ samples: number[]; last: T }> {
  let last: T | undefined;
  const warming = performance.now();
  for (let i = 0; i < plan.warmup; i++) {
    last = await call();
    if (performance.now() - warming > plan.warmupBudgetMs) break;
  }
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < plan.n) {
    const t0 = performance.now();
    last = await call();
    samples.push(performance.now() - t0);
    if (samples.length >= plan.minN && performance.now() - started > plan.budgetMs) break;
  }
  return { samples, last: last as T };
}
