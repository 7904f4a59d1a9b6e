/**
 * Percentile methods the analysis offers. "linear" interpolates between the two nearest
 * ranks, as NumPy's default and polars' "linear" do. "nearest-rank" returns the value at
 * rank ⌈q × n⌉ (1-based), which is always an observed value.
 */
export type QuantileMethod = "linear" | "nearest-rank";

/**
 * Compute the q-quantile (0 ≤ q ≤ 1) of values sorted in ascending order.
 * "linear": x[i] + (x[i+1] − x[i]) × f where i + f = q × (n − 1).
 * "nearest-rank": x[⌈q × n⌉ − 1], and x[0] for q = 0.
 * Returns null for an empty array. Throws a RangeError when the values are not sorted.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number, method: QuantileMethod = "linear"): number | null {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`quantileSorted: q must be between 0 and 1, got ${q}`);
  }
  if (method !== "linear" && method !== "nearest-rank") {
    throw new RangeError(`quantileSorted: method must be "linear" or "nearest-rank", got ${JSON.stringify(method)}`);
  }
  const n = sorted.length;
  if (n === 0) return null;
  for (let i = 1; i < n; i++) {
    if (!(sorted[i - 1] <= sorted[i])) {
      throw new RangeError(`quantileSorted: values must be sorted ascending, but value ${i} (${sorted[i]}) < value ${i - 1} (${sorted[i - 1]})`);
    }
  }

  if (method === "nearest-rank") return sorted[Math.max(0, Math.ceil(q * n) - 1)];
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const fraction = position - lower;
  if (fraction === 0) return sorted[lower];
  return sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction;
}
