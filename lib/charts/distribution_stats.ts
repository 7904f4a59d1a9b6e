import { quantileSorted } from "../analysis/quantile_sorted.ts";
import type { DistributionStats, TrialPoint } from "./chart_types.ts";

/**
 * Compute p5, p25, p50, p75 and p95 of one trial field per model, by linear interpolation
 * between ranks (the method of the analysis). Null values are left out; a model without
 * values gets null quantiles and n = 0.
 */
export function distributionStats(
  points: readonly TrialPoint[],
  field: "ttft_ms" | "output_tps" | "e2e_ms",
): DistributionStats[] {
  if (!Array.isArray(points)) throw new TypeError("distributionStats: points must be an array of trial points");
  const byModel = new Map<string, number[]>();
  for (const p of points) {
    const list = byModel.get(p.model) ?? [];
    const value = p[field];
    if (value !== null && Number.isFinite(value)) list.push(value);
    byModel.set(p.model, list);
  }
  return [...byModel].map(([model, values]) => {
    const sorted = Float64Array.from(values).sort();
    const q = (p: number) => quantileSorted(sorted, p, "linear");
    return { model, n: sorted.length, p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
  });
}
