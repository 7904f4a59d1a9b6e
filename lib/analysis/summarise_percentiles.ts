import { type QuantileMethod, quantileSorted } from "./quantile_sorted.ts";

/** Minimum number of values for which p99 is reported. Below it, p99 would only restate the maximum. */
export const MIN_N_FOR_P99 = 100;

/** Percentiles of one sample, with the method and n they were computed with. */
export interface PercentileSummary {
  /** Values that entered the statistics (nulls left out). */
  n: number;
  method: QuantileMethod;
  mean: number | null;
  min: number | null;
  max: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  /** Null when n < {@link MIN_N_FOR_P99}. */
  p99: number | null;
  /** "p99" when p99 is reported, else a label for the max shown in its place, e.g. "max, n = 42 < 100". */
  p99_label: string;
}

/**
 * Summarise a sample by mean, min, max and percentiles 50, 90, 95 and 99 with the stated
 * method (linear interpolation by default). Nulls are left out and n counts the rest.
 * p99 is null below 100 values, because it would only restate the largest value. The
 * label then names the max instead. Throws a RangeError for a value that is not a finite number.
 *
 * @example
 * summarisePercentiles([1800, 2000, 2200, 2400]).p50; // 2100
 */
export function summarisePercentiles(
  values: readonly (number | null | undefined)[],
  method: QuantileMethod = "linear",
): PercentileSummary {
  if (!Array.isArray(values)) {
    throw new TypeError("summarisePercentiles: values must be an array of numbers (nulls are skipped)");
  }
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`summarisePercentiles: value ${i} must be a finite number or null, got ${value}`);
    }
    present.push(value);
  }
  const sorted = Float64Array.from(present).sort();
  const n = sorted.length;
  const at = (q: number) => quantileSorted(sorted, q, method);
  const reportP99 = n >= MIN_N_FOR_P99;
  return {
    n,
    method,
    mean: n === 0 ? null : present.reduce((sum, v) => sum + v, 0) / n,
    min: n === 0 ? null : sorted[0],
    max: n === 0 ? null : sorted[n - 1],
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: reportP99 ? at(0.99) : null,
    p99_label: reportP99 ? "p99" : `max, n = ${n} < ${MIN_N_FOR_P99}`,
  };
}
