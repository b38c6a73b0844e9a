/** Small, dependency-free statistics for benchmark samples (milliseconds unless said otherwise). */

export interface Summary {
  runs: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** The p-th percentile (0–100) of samples, nearest-rank on the sorted values. */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  return {
    runs: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    mean,
  };
}

/** Milliseconds since an hrtime start. */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export const MB = 1024 * 1024;
