import { wilsonInterval } from "../analysis/wilson_interval.ts";
import { groupByModel } from "./group_by_model.ts";
import type { PeriodMetric } from "./period_metric.ts";
import type { TrendFlag } from "./trend_flag.ts";
import type { TrendRules } from "./trend_rules.ts";

/**
 * Flags periods whose error rate rose above the model's recent rate.
 *
 * Rule, per model: the baseline is the pooled error rate (errors ÷ requests) of the up to
 * `window` earlier periods with requests. With at least `minHistory` of them, the period is
 * flagged when the lower bound of its Wilson 95% interval exceeds baseline +
 * `errorRateMargin`, so a handful of failures in a small period is not enough on its own.
 */
export function flagErrorRateShifts(metrics: readonly PeriodMetric[], rules: TrendRules): TrendFlag[] {
  const flags: TrendFlag[] = [];
  for (const [model, periods] of groupByModel(metrics)) {
    const history: PeriodMetric[] = [];
    for (const period of periods) {
      if (period.n === 0) continue;
      const trailing = history.slice(-rules.window);
      if (trailing.length >= rules.minHistory) {
        const errors = trailing.reduce((sum, p) => sum + p.errors, 0);
        const requests = trailing.reduce((sum, p) => sum + p.n, 0);
        const baseline = errors / requests;
        const threshold = baseline + rules.errorRateMargin;
        const low = wilsonInterval(period.errors, period.n)!.low;
        if (low > threshold) {
          flags.push({
            kind: "error_rate_shift",
            model,
            period: period.period,
            period_start: period.period_start,
            metric: "error_rate",
            value: period.error_rate!,
            baseline,
            threshold,
            detail: `error rate ${percent(period.error_rate!)} (${period.errors}/${period.n}, Wilson low ${percent(low)}) ` +
              `against ${percent(baseline)} over the ${trailing.length} earlier periods (threshold ${percent(threshold)})`,
          });
        }
      }
      history.push(period);
    }
  }
  return flags;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}
