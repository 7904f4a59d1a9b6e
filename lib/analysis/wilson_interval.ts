/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Compute the Wilson score interval for `successes` out of `trials` (95% by default).
 * Returns null when there are no trials.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z95,
): { low: number; high: number } | null {
  if (!Number.isInteger(trials) || trials < 0) {
    throw new RangeError(`wilsonInterval: trials must be a whole number ≥ 0, got ${trials}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval: successes must be a whole number in 0..${trials}, got ${successes}`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // The bounds are exactly 0 and 1 at the extremes; pin them against rounding.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
