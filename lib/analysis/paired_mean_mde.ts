import { type PowerOptions, zValues } from "./power_options.ts";

/**
 * Compute the smallest mean paired difference (e.g. of scores on the same items) that a
 * two-sided test at level α detects with the given power. The normal approximation gives
 * (z(1 − α/2) + z(power)) × sd / √n, where sd is the standard deviation of the per-item
 * differences. With the defaults the factor is 1.95996 + 0.84162 = 2.80158.
 * Returns null when n is 0.
 */
export function pairedMeanMde(n: number, sdDifference: number, options: PowerOptions = {}): number | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pairedMeanMde: n must be a whole number ≥ 0, got ${n}`);
  if (!(sdDifference >= 0) || !Number.isFinite(sdDifference)) {
    throw new RangeError(`pairedMeanMde: sdDifference must be a finite number ≥ 0, got ${sdDifference}`);
  }
  const { zAlpha, zPower } = zValues("pairedMeanMde", options);
  if (n === 0) return null;
  return ((zAlpha + zPower) * sdDifference) / Math.sqrt(n);
}
