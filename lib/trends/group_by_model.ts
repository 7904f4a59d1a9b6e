import type { PeriodMetric } from "./period_metric.ts";

/** Groups period metrics by model, each model's periods in order of `period_start`. */
export function groupByModel(metrics: readonly PeriodMetric[]): Map<string, PeriodMetric[]> {
  if (!Array.isArray(metrics)) throw new TypeError("groupByModel: metrics must be an array of period metrics");
  const groups = new Map<string, PeriodMetric[]>();
  for (const metric of metrics) {
    const list = groups.get(metric.model) ?? [];
    list.push(metric);
    groups.set(metric.model, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.period_start.localeCompare(b.period_start) || a.period.localeCompare(b.period));
  }
  return groups;
}
