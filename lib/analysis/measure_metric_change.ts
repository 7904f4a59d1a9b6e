import { bootstrapDifference } from "./bootstrap_difference.ts";
import type { ComparisonMetricDefinition } from "./comparison_metrics.ts";
import type { ComparisonSettings, MetricChange, Verdict } from "./comparison_types.ts";
import { newcombeInterval } from "./newcombe_interval.ts";
import { normalQuantile } from "./normal_quantile.ts";
import { sampleStatistics } from "./sample_statistics.ts";
import type { GroupSummary } from "./summary_types.ts";

/** One side of a comparison: the group's summary and, for sample metrics, its values. */
export interface ComparedSide {
  group: GroupSummary;
  values: readonly number[];
}

/**
 * Measure how one metric changed from side A to side B, with a confidence interval:
 * a bootstrap of the difference for sample metrics (medians or means, each run resampled
 * on its own) and Newcombe's interval for rates. The change is a regression or an
 * improvement only when the interval excludes zero and the change reaches the practical
 * threshold. That threshold is relative for latency, speed and cost, and absolute for rates.
 */
export function measureMetricChange(
  definition: ComparisonMetricDefinition,
  a: ComparedSide,
  b: ComparedSide,
  settings: ComparisonSettings,
): Omit<MetricChange, "model" | "dataset"> {
  const base = { metric: definition.metric, label: definition.label, unit: definition.unit, better: definition.better };
  if (definition.rate) {
    const [successesA, trialsA] = definition.rate(a.group);
    const [successesB, trialsB] = definition.rate(b.group);
    const z = normalQuantile(1 - (1 - settings.level) / 2);
    const difference = newcombeInterval(successesA, trialsA, successesB, trialsB, z);
    const valueA = trialsA === 0 ? null : successesA / trialsA;
    const valueB = trialsB === 0 ? null : successesB / trialsB;
    const change = difference?.estimate ?? null;
    return {
      ...base,
      a: valueA,
      b: valueB,
      n_a: trialsA,
      n_b: trialsB,
      change,
      relative_change: relative(valueA, change),
      ci_low: difference?.low ?? null,
      ci_high: difference?.high ?? null,
      interval_method: "Newcombe hybrid score",
      verdict: verdictOf(definition, difference, change !== null && Math.abs(change) >= settings.rate_threshold),
    };
  }

  const sample = definition.sample!;
  const statistic = sample.statistic === "median" ? sampleStatistics.median : sampleStatistics.mean;
  const enough = a.values.length >= settings.min_samples && b.values.length >= settings.min_samples;
  const difference = bootstrapDifference(a.values as number[], b.values as number[], statistic, settings);
  const valueA = a.values.length === 0 ? null : statistic(Float64Array.from(a.values)) * sample.scale;
  const valueB = b.values.length === 0 ? null : statistic(Float64Array.from(b.values)) * sample.scale;
  const change = difference === null ? null : difference.estimate * sample.scale;
  const relativeChange = relative(valueA, change);
  const large = relativeChange !== null && Math.abs(relativeChange) >= settings.relative_threshold;
  return {
    ...base,
    a: valueA,
    b: valueB,
    n_a: a.values.length,
    n_b: b.values.length,
    change,
    relative_change: relativeChange,
    ci_low: difference === null ? null : difference.low * sample.scale,
    ci_high: difference === null ? null : difference.high * sample.scale,
    interval_method: `bootstrap of the ${sample.statistic} difference (${settings.resamples} resamples, seed ${settings.seed})`,
    verdict: enough ? verdictOf(definition, difference, large) : "insufficient data",
  };
}

function verdictOf(
  definition: ComparisonMetricDefinition,
  interval: { estimate: number; low: number; high: number } | null,
  largeEnough: boolean,
): Verdict {
  if (interval === null) return "insufficient data";
  const excludesZero = interval.low > 0 || interval.high < 0;
  if (!excludesZero || !largeEnough) return "no significant change";
  const worse = definition.better === "lower" ? interval.estimate > 0 : interval.estimate < 0;
  return worse ? "regression" : "improvement";
}

function relative(a: number | null, change: number | null): number | null {
  return a === null || change === null || a === 0 ? null : change / Math.abs(a);
}
