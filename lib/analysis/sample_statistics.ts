import { type QuantileMethod, quantileSorted } from "./quantile_sorted.ts";

/** A statistic of one sample, e.g. its median. Receives a copy it may reorder. */
export type SampleStatistic = (sample: Float64Array) => number;

/**
 * Statistics for bootstrap functions. Each returns NaN for an empty sample, which the
 * bootstrap functions never pass.
 */
export const sampleStatistics = {
  mean: ((sample) => {
    let sum = 0;
    for (const value of sample) sum += value;
    return sum / sample.length;
  }) as SampleStatistic,
  median: quantileStatistic(0.5, "linear"),
  /** The q-quantile by `method`. */
  quantile: quantileStatistic,
};

function quantileStatistic(q: number, method: QuantileMethod = "linear"): SampleStatistic {
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`sampleStatistics.quantile: q must be between 0 and 1, got ${q}`);
  }
  return (sample) => (sample.length === 0 ? NaN : quantileSorted(sample.sort(), q, method) as number);
}
