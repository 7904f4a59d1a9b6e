import { bootstrapInterval, type BootstrapInterval, type BootstrapOptions } from "./bootstrap_interval.ts";
import { mcnemarTest, type McnemarResult } from "./mcnemar_test.ts";
import { pairedMeanMde } from "./paired_mean_mde.ts";
import { pairedProportionMde } from "./paired_proportion_mde.ts";
import type { TrialPair } from "./pair_trials.ts";
import { sampleStatistics } from "./sample_statistics.ts";

/** Options of {@link comparePaired}. */
export interface PairedComparisonOptions extends BootstrapOptions {
  /** Two-sided significance level of the test and the MDE; default 0.05. */
  alpha?: number;
  /** Power of the minimum detectable effects; default 0.8. */
  power?: number;
}

/** Two models compared on the same items. Differences are B − A. */
export interface PairedComparison {
  /** Pairs compared. */
  n: number;
  a_pass_rate: number | null;
  b_pass_rate: number | null;
  both_passed: number;
  neither_passed: number;
  mcnemar: McnemarResult;
  /** b_pass_rate − a_pass_rate. */
  pass_rate_difference: number | null;
  /** True when McNemar's mid-p is below alpha. */
  significant: boolean;
  /** Mean of b_score − a_score per pair, with a paired bootstrap interval (pairs resampled). */
  score_difference: BootstrapInterval | null;
  /** Smallest pass-rate difference detectable at `power` for this n and disagreement rate. */
  mde_pass_rate: number | null;
  /** Smallest mean score difference detectable at `power`, from the sd of the score differences. */
  mde_score: number | null;
  alpha: number;
  power: number;
}

/**
 * Compare two models on paired outcomes (see `pairTrials`): McNemar's exact and mid-p
 * tests on the pass/fail pairs, a paired bootstrap interval of the mean score difference,
 * and the minimum detectable effects at the given power for this many pairs.
 *
 * @example
 * const result = comparePaired(pairTrials(trials, "openai:gpt-4o", "google:gemini-2.5-pro"));
 */
export function comparePaired(pairs: readonly TrialPair[], options: PairedComparisonOptions = {}): PairedComparison {
  if (!Array.isArray(pairs)) throw new TypeError("comparePaired: pairs must be the array pairTrials returns");
  const { alpha = 0.05, power = 0.8, ...bootstrap } = options;

  const n = pairs.length;
  let aOnly = 0;
  let bOnly = 0;
  let both = 0;
  for (const pair of pairs) {
    if (pair.a_pass && pair.b_pass) both++;
    else if (pair.a_pass) aOnly++;
    else if (pair.b_pass) bOnly++;
  }
  const mcnemar = mcnemarTest(aOnly, bOnly);
  const differences = pairs.map((pair) => pair.b_score - pair.a_score);
  const aPassRate = n === 0 ? null : (both + aOnly) / n;
  const bPassRate = n === 0 ? null : (both + bOnly) / n;

  return {
    n,
    a_pass_rate: aPassRate,
    b_pass_rate: bPassRate,
    both_passed: both,
    neither_passed: n - both - aOnly - bOnly,
    mcnemar,
    pass_rate_difference: n === 0 ? null : (bOnly - aOnly) / n,
    significant: n > 0 && mcnemar.mid_p < alpha,
    score_difference: bootstrapInterval(differences, sampleStatistics.mean, bootstrap),
    mde_pass_rate: pairedProportionMde(n, n === 0 ? 0 : mcnemar.discordant / n, { alpha, power }),
    mde_score: n < 2 ? null : pairedMeanMde(n, standardDeviation(differences), { alpha, power }),
    alpha,
    power,
  };
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}
