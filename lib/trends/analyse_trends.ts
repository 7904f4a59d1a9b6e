import { flagErrorRateShifts } from "./flag_error_rate_shifts.ts";
import { flagLatencyShifts } from "./flag_latency_shifts.ts";
import { flagQualityDrift } from "./flag_quality_drift.ts";
import { flagVersionChanges } from "./flag_version_changes.ts";
import type { PeriodMetric } from "./period_metric.ts";
import type { TrendFlag } from "./trend_flag.ts";
import { resolveTrendRules, type TrendRules } from "./trend_rules.ts";

/**
 * Runs every flag rule (latency, error rate, quality, model version) over per-period metrics
 * and returns the flags ordered by period, then model, then kind.
 */
export function analyseTrends(metrics: readonly PeriodMetric[], overrides: Partial<TrendRules> = {}): TrendFlag[] {
  if (!Array.isArray(metrics)) throw new TypeError("analyseTrends: metrics must be an array from periodMetrics");
  const rules = resolveTrendRules(overrides);
  return [
    ...flagLatencyShifts(metrics, rules),
    ...flagErrorRateShifts(metrics, rules),
    ...flagQualityDrift(metrics, rules),
    ...flagVersionChanges(metrics),
  ].sort((a, b) =>
    a.period_start.localeCompare(b.period_start) || a.model.localeCompare(b.model) || a.kind.localeCompare(b.kind) ||
    a.metric.localeCompare(b.metric)
  );
}
