import { wilsonInterval } from "./wilson_interval.ts";

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** A difference of two proportions with its confidence interval. */
export interface ProportionDifference {
  /** successesB / trialsB − successesA / trialsA. */
  estimate: number;
  low: number;
  high: number;
  method: "Newcombe hybrid score (Wilson)";
}

/**
 * Compute the difference pB − pA of two independent proportions (e.g. a pass rate before
 * and after an update) with Newcombe's hybrid score interval, which combines the two
 * Wilson intervals: low = d − √((pB − lB)² + (uA − pA)²), high = d + √((uB − pB)² + (pA − lA)²).
 * Unlike the Wald interval it stays inside [−1, 1] and behaves at 0% and 100%.
 * Returns null when either side has no trials.
 *
 * @example
 * newcombeInterval(48, 80, 56, 70); // estimate 0.2, interval about [0.052, 0.334]
 */
export function newcombeInterval(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
  z: number = Z95,
): ProportionDifference | null {
  if (!(z > 0)) throw new RangeError(`newcombeInterval: z must be positive, e.g. 1.96 for 95%, got ${z}`);
  const a = wilsonInterval(successesA, trialsA, z);
  const b = wilsonInterval(successesB, trialsB, z);
  if (a === null || b === null) return null;

  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  const estimate = pB - pA;
  return {
    estimate,
    low: estimate - Math.sqrt((pB - b.low) ** 2 + (a.high - pA) ** 2),
    high: estimate + Math.sqrt((b.high - pB) ** 2 + (pA - a.low) ** 2),
    method: "Newcombe hybrid score (Wilson)",
  };
}
