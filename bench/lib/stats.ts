/**
 * Summaries of recorded samples. Every latency is kept (runs are bounded,
 * so this is at most a few MB) and percentiles are read from the sorted
 * array by nearest rank: exact, no histogram bucketing to reason about.
 */

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ErpSummary {
  /** Requests whose response carried x-ponte-erp-calls. */
  counted: number;
  mean: number;
  max: number;
  /** Share of counted requests that made no ERP round trip at all. */
  zeroShare: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summariseLatency(latenciesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    meanMs: sorted.length ? sum / sorted.length : NaN,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

export function summariseErp(calls: readonly number[]): ErpSummary {
  let sum = 0;
  let max = 0;
  let zeros = 0;
  let counted = 0;
  for (const c of calls) {
    if (!Number.isFinite(c)) continue;
    counted += 1;
    sum += c;
    if (c > max) max = c;
    if (c === 0) zeros += 1;
  }
  return { counted, mean: counted ? sum / counted : NaN, max: counted ? max : NaN, zeroShare: counted ? zeros / counted : NaN };
}

/** A ratio, or NaN when the base is zero or unknown. */
export function ratio(value: number, base: number): number {
  return Number.isFinite(value) && Number.isFinite(base) && base !== 0 ? value / base : NaN;
}
