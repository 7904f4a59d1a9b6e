import { groupByModel } from "./group_by_model.ts";
import type { PeriodMetric } from "./period_metric.ts";
import type { TrendFlag } from "./trend_flag.ts";
import type { TrendRules } from "./trend_rules.ts";

/**
 * Flags periods (runs) whose pass rate moved away from the model's recent pass rate.
 *
 * Rule, per model: the baseline is the pooled pass rate (passed ÷ quality_n) of the up to
 * `window` earlier periods with graded trials. With at least `minHistory` of them, the period
 * is flagged when the baseline lies outside the period's Wilson 95% interval, in either
 * direction, because a silent model change can make output better or worse. Periods without
 * grades (production logs) are never flagged.
 */
export function flagQualityDrift(metrics: readonly PeriodMetric[], rules: TrendRules): TrendFlag[] {
  const flags: TrendFlag[] = [];
  for (const [model, periods] of groupByModel(metrics)) {
    const history: PeriodMetric[] = [];
    for (const period of periods) {
      if (period.quality_n === 0 || period.pass_ci_low === null || period.pass_ci_high === null) continue;
      const trailing = history.slice(-rules.window);
      if (trailing.length >= rules.minHistory) {
        const baseline = trailing.reduce((sum, p) => sum + p.passed, 0) / trailing.reduce((sum, p) => sum + p.quality_n, 0);
        const below = baseline > period.pass_ci_high;
        if (below || baseline < period.pass_ci_low) {
          flags.push({
            kind: "quality_drift",
            model,
            period: period.period,
            period_start: period.period_start,
            metric: "pass_rate",
            value: period.pass_rate!,
            baseline,
            threshold: below ? period.pass_ci_high : period.pass_ci_low,
            detail: `pass rate ${percent(period.pass_rate!)} (${period.passed}/${period.quality_n}, 95% CI ` +
              `${percent(period.pass_ci_low)}–${percent(period.pass_ci_high)}) is ${below ? "below" : "above"} ` +
              `the pooled ${percent(baseline)} of the ${trailing.length} earlier runs`,
          });
        }
      }
      history.push(period);
    }
  }
  return flags;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
