import type { ComparisonSettings } from "./comparison_types.ts";

/** Describe, in sentences for a report, how a run comparison computed and judged its changes. */
export function describeComparisonMethod(settings: ComparisonSettings): string[] {
  const level = `${Math.round(settings.level * 1000) / 10}%`;
  return [
    `Changes are run B minus run A. Models are matched by model ref, datasets by name.`,
    `TTFT, end-to-end latency and output speed are medians (linear interpolation) of successful trials not served ` +
    `from a cache; their ${level} intervals come from a percentile bootstrap of the difference of medians, each run ` +
    `resampled on its own (${settings.resamples} resamples, seed ${settings.seed}).`,
    `Cost per 1,000 requests is 1,000 × the mean cost of a successful request, with a bootstrap interval of the ` +
    `difference of means.`,
    `Pass rate counts errors without a grade as failed; error rate is failed trials over all trials. Their ${level} ` +
    `intervals are Newcombe hybrid score intervals (from Wilson intervals) of the difference of two proportions.`,
    `A change is a regression or an improvement only when its interval excludes zero and it is at least ` +
    `${Math.round(settings.relative_threshold * 1000) / 10}% of run A's value (rates: at least ` +
    `${Math.round(settings.rate_threshold * 1000) / 10} percentage points); latency, speed and cost need at least ` +
    `${settings.min_samples} values in each run.`,
    `With many models, datasets and metrics, about 1 in 20 intervals of an unchanged metric misses zero by chance; ` +
    `the size threshold keeps most of those from being flagged.`,
  ];
}
