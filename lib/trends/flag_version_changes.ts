import { groupByModel } from "./group_by_model.ts";
import { NO_VERSION, type PeriodMetric } from "./period_metric.ts";
import type { TrendFlag } from "./trend_flag.ts";

/**
 * Flags the first period in which a model name returned a version string not seen in any
 * earlier period, so a provider swapping the model behind the same name shows. The first
 * period of each model is the baseline and is not flagged. Rows without a version string
 * (`(none)`) are ignored. `value` is the new version's share of that period's requests.
 */
export function flagVersionChanges(metrics: readonly PeriodMetric[]): TrendFlag[] {
  const flags: TrendFlag[] = [];
  for (const [model, periods] of groupByModel(metrics)) {
    const seen = new Set<string>();
    periods.forEach((period, index) => {
      const versions = Object.keys(period.model_versions).filter((version) => version !== NO_VERSION).sort();
      for (const version of versions) {
        if (seen.has(version)) continue;
        if (index > 0) {
          const share = period.model_versions[version] / period.n;
          const earlier = [...seen].sort().join(", ") || "none";
          flags.push({
            kind: "new_model_version",
            model,
            period: period.period,
            period_start: period.period_start,
            metric: "model_version",
            value: share,
            baseline: null,
            threshold: null,
            detail: `new version ${version} on ${(share * 100).toFixed(1)}% of requests (earlier: ${earlier})`,
          });
        }
        seen.add(version);
      }
    });
  }
  return flags;
}
