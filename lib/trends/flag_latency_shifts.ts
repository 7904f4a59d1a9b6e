import { groupByModel } from "./group_by_model.ts";
import type { PeriodMetric } from "./period_metric.ts";
import { median, medianAbsoluteDeviation } from "./robust_stats.ts";
import type { TrendFlag } from "./trend_flag.ts";
import type { TrendRules } from "./trend_rules.ts";

/**
 * Flags periods whose latency rose above the model's recent normal.
 *
 * Rule, per model and metric in `rules.latencyMetrics`: take the metric's values in the up to
 * `window` earlier periods that have one. With at least `minHistory` of them, the period is
 * flagged when its value exceeds median + max(k × 1.4826 × MAD, minRelativeRise × median).
 * MAD is the median absolute deviation of those values, and 1.4826 × MAD estimates the
 * standard deviation of normal data. The relative floor keeps near-constant series (MAD near
 * 0) from flagging noise. Only rises are flagged.
 */
export function flagLatencyShifts(metrics: readonly PeriodMetric[], rules: TrendRules): TrendFlag[] {
  const flags: TrendFlag[] = [];
  for (const [model, periods] of groupByModel(metrics)) {
    for (const metric of rules.latencyMetrics) {
      const history: number[] = [];
      for (const period of periods) {
        const value = period[metric];
        if (value === null) continue;
        const trailing = history.slice(-rules.window);
        if (trailing.length >= rules.minHistory) {
          const centre = median(trailing)!;
          const spread = 1.4826 * medianAbsoluteDeviation(trailing)!;
          const threshold = centre + Math.max(rules.k * spread, rules.minRelativeRise * centre);
          if (value > threshold) {
            flags.push({
              kind: "latency_shift",
              model,
              period: period.period,
              period_start: period.period_start,
              metric,
              value,
              baseline: centre,
              threshold,
              detail: `${metric} ${formatMs(value)} is ${(value / centre).toFixed(2)}× the trailing median ` +
                `${formatMs(centre)} of ${trailing.length} periods (threshold ${formatMs(threshold)})`,
            });
          }
        }
        history.push(value);
      }
    }
  }
  return flags;
}

function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString("en-US")} ms`;
}
