import {
  type BootstrapInterval,
  type BootstrapOptions,
  checkBootstrapOptions,
  checkSample,
  fillResample,
  finishBootstrap,
} from "./bootstrap_support.ts";
import type { SampleStatistic } from "./sample_statistics.ts";
import { createSeededRandom } from "./seeded_random.ts";

export type { BootstrapInterval, BootstrapOptions } from "./bootstrap_support.ts";

/**
 * Estimate a statistic of a sample with a percentile-bootstrap confidence interval.
 * The function draws `resamples` samples of the same size with replacement and computes
 * the statistic on each. The interval runs from the (1 − level)/2 to the (1 + level)/2
 * quantile of those values (linear interpolation). Returns null for an empty sample.
 *
 * @example
 * bootstrapInterval([410, 380, 455, 520, 398], sampleStatistics.median, { seed: 7 });
 */
export function bootstrapInterval(
  values: readonly number[],
  statistic: SampleStatistic,
  options: BootstrapOptions = {},
): BootstrapInterval | null {
  const settings = checkBootstrapOptions("bootstrapInterval", options);
  const sample = checkSample("bootstrapInterval", "values", values);
  if (typeof statistic !== "function") {
    throw new TypeError("bootstrapInterval: statistic must be a function such as sampleStatistics.median");
  }
  if (sample.length === 0) return null;

  const random = createSeededRandom(settings.seed);
  const draws = new Float64Array(settings.resamples);
  const resample = new Float64Array(sample.length);
  for (let r = 0; r < settings.resamples; r++) {
    fillResample(sample, resample, random);
    draws[r] = statistic(resample);
  }
  return finishBootstrap(statistic(sample.slice()), draws, settings);
}
