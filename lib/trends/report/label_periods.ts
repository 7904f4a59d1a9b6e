import type { PeriodMetric } from "../period_metric.ts";
import type { TrendChartInput, TrendPoint } from "../charts/trend_point.ts";

/**
 * Gives every period a short axis label in time order: `MM-DD` for days, `#N MM-DD HH:MM`
 * (UTC) for runs, so long run ids do not crowd the axis. Returns the chart input.
 */
export function labelPeriods(metrics: readonly PeriodMetric[], periodKind: "day" | "run"): TrendChartInput {
  if (!Array.isArray(metrics)) throw new TypeError("labelPeriods: metrics must be an array of period metrics");
  const starts = new Map<string, string>();
  for (const metric of metrics) {
    const known = starts.get(metric.period);
    if (known === undefined || metric.period_start < known) starts.set(metric.period, metric.period_start);
  }
  const ordered = [...starts].sort(([a, sa], [b, sb]) => sa.localeCompare(sb) || a.localeCompare(b));
  const labels = new Map<string, string>();
  ordered.forEach(([period, start], index) => {
    labels.set(period, periodKind === "day" ? period.slice(5) : `#${index + 1} ${start.slice(5, 10)} ${start.slice(11, 16)}`);
  });
  const points: TrendPoint[] = metrics.map((metric) => ({ ...metric, label: labels.get(metric.period)! }));
  return {
    points,
    labels: ordered.map(([period]) => labels.get(period)!),
    models: [...new Set(metrics.map((m) => m.model))].sort(),
    axisTitle: periodKind === "day" ? "Day (UTC, MM-DD)" : "Run (#, start UTC)",
  };
}
