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

/**
 * Estimate statistic(b) − statistic(a) for two independent samples, e.g. the change of
 * median TTFT between two runs, with a percentile-bootstrap interval: each resample draws
 * a and b separately with replacement, keeping their sizes. Returns null when either
 * sample is empty.
 *
 * @example
 * bootstrapDifference(ttftBefore, ttftAfter, sampleStatistics.median, { seed: 1 });
 */
export function bootstrapDifference(
  a: readonly number[],
  b: readonly number[],
  statistic: SampleStatistic,
  options: BootstrapOptions = {},
): BootstrapInterval | null {
  const settings = checkBootstrapOptions("bootstrapDifference", options);
  const sampleA = checkSample("bootstrapDifference", "a", a);
  const sampleB = checkSample("bootstrapDifference", "b", b);
  if (typeof statistic !== "function") {
    throw new TypeError("bootstrapDifference: statistic must be a function such as sampleStatistics.median");
  }
  if (sampleA.length === 0 || sampleB.length === 0) return null;

  const random = createSeededRandom(settings.seed);
  const draws = new Float64Array(settings.resamples);
  const resampleA = new Float64Array(sampleA.length);
  const resampleB = new Float64Array(sampleB.length);
  for (let r = 0; r < settings.resamples; r++) {
    fillResample(sampleA, resampleA, random);
    fillResample(sampleB, resampleB, random);
    draws[r] = statistic(resampleB) - statistic(resampleA);
  }
  const estimate = statistic(sampleB.slice()) - statistic(sampleA.slice());
  return finishBootstrap(estimate, draws, settings);
}
