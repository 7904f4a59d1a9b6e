/** McNemar's test on the discordant pairs of two paired pass/fail outcomes. */
export interface McnemarResult {
  /** Items only A passed. */
  a_only: number;
  /** Items only B passed. */
  b_only: number;
  discordant: number;
  /** Two-sided exact binomial p-value: min(1, 2 × P(X ≤ k)), X ~ Binomial(discordant, ½), k = min(a_only, b_only). */
  exact_p: number;
  /** Two-sided mid-p: min(1, 2 × (P(X ≤ k) − ½ P(X = k))), less conservative than the exact test. */
  mid_p: number;
}

/**
 * Test whether two models graded on the same items differ in pass rate. The test uses
 * the counts of items only A passed and only B passed, because items both or neither
 * passed carry no information. With no discordant pairs both p-values are 1.
 *
 * @example
 * mcnemarTest(1, 6); // exact_p 0.125, mid_p 0.0703125
 */
export function mcnemarTest(aOnly: number, bOnly: number): McnemarResult {
  for (const [name, value] of [["aOnly", aOnly], ["bOnly", bOnly]] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`mcnemarTest: ${name} must be a whole number ≥ 0, got ${value}`);
    }
  }
  const discordant = aOnly + bOnly;
  const k = Math.min(aOnly, bOnly);
  let cumulative = 0;
  let atK = 0;
  // log C(m, i) built up term by term, so large m does not overflow.
  let logChoose = 0;
  const logHalfPower = discordant * Math.log(0.5);
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(discordant - i + 1) - Math.log(i);
    atK = Math.exp(logChoose + logHalfPower);
    cumulative += atK;
  }
  return {
    a_only: aOnly,
    b_only: bOnly,
    discordant,
    exact_p: discordant === 0 ? 1 : Math.min(1, 2 * cumulative),
    mid_p: discordant === 0 ? 1 : Math.min(1, 2 * (cumulative - atK / 2)),
  };
}
