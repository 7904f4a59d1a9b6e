import { quantileSorted } from "../analysis/quantile_sorted.ts";

/**
 * Returns the q-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between the two
 * nearest ranks (NumPy's default), or null for no values.
 */
export function percentile(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile: q must be in [0, 1], got ${q}`);
  return quantileSorted([...values].sort((a, b) => a - b), q, "linear");
}
