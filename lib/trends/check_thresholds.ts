import type { PeriodKind, PeriodMetric } from "./period_metric.ts";
import type { ModelThresholds, Thresholds } from "./thresholds.ts";

/** A period in which a metric crossed its threshold. */
export interface ThresholdBreach {
  /** Threshold name, e.g. `max_p95_ms`. */
  threshold_name: keyof ModelThresholds;
  /** Metric checked, e.g. `e2e_p95_ms`. */
  metric: string;
  model: string;
  period: string;
  value: number;
  threshold: number;
  /** One sentence naming metric, model, period, value and threshold. */
  message: string;
}

const CHECKS: { name: keyof ModelThresholds; metric: keyof PeriodMetric; kind: "max" | "min"; unit: "ms" | "rate" }[] = [
  { name: "max_p95_ms", metric: "e2e_p95_ms", kind: "max", unit: "ms" },
  { name: "max_ttft_p95_ms", metric: "ttft_p95_ms", kind: "max", unit: "ms" },
  { name: "max_error_rate", metric: "error_rate", kind: "max", unit: "rate" },
  { name: "min_pass_rate", metric: "pass_rate", kind: "min", unit: "rate" },
];

/**
 * Checks every period (or each model's last `lastPeriods` periods) against the thresholds.
 * A maximum is crossed when the value is above it, a minimum when the value is below it.
 * A metric with no data (null) is not checked. Per-model limits replace the general ones.
 */
export function checkThresholds(
  metrics: readonly PeriodMetric[],
  thresholds: Thresholds,
  periodKind: PeriodKind,
  lastPeriods?: number,
): ThresholdBreach[] {
  if (!Array.isArray(metrics)) throw new TypeError("checkThresholds: metrics must be an array from periodMetrics");
  if (thresholds === null || typeof thresholds !== "object") throw new TypeError("checkThresholds: thresholds must be an object");
  if (lastPeriods !== undefined && (!Number.isInteger(lastPeriods) || lastPeriods < 1)) {
    throw new RangeError(`checkThresholds: lastPeriods must be a whole number ≥ 1, got ${lastPeriods}`);
  }
  const breaches: ThresholdBreach[] = [];
  for (const period of selectPeriods(metrics, lastPeriods)) {
    const limits: ModelThresholds = { ...thresholds, ...thresholds.models?.[period.model] };
    for (const check of CHECKS) {
      const threshold = limits[check.name];
      const value = period[check.metric] as number | null;
      if (threshold === undefined || value === null) continue;
      const crossed = check.kind === "max" ? value > threshold : value < threshold;
      if (!crossed) continue;
      const where = periodKind === "run"
        ? `in run ${period.period}`
        : periodKind === "hour"
        ? `at hour ${period.period} UTC`
        : `on ${period.period}`;
      breaches.push({
        threshold_name: check.name,
        metric: check.metric,
        model: period.model,
        period: period.period,
        value,
        threshold,
        message: `${check.metric} of ${period.model} ${where} is ${format(value, check.unit)}, ` +
          `${check.kind === "max" ? "above the maximum" : "below the minimum"} ${format(threshold, check.unit)} (${check.name})`,
      });
    }
  }
  return breaches;
}

function selectPeriods(metrics: readonly PeriodMetric[], lastPeriods: number | undefined): PeriodMetric[] {
  if (lastPeriods === undefined) return [...metrics];
  const byModel = new Map<string, PeriodMetric[]>();
  for (const metric of metrics) byModel.set(metric.model, [...(byModel.get(metric.model) ?? []), metric]);
  return [...byModel.values()].flatMap((list) =>
    list.sort((a, b) => a.period_start.localeCompare(b.period_start)).slice(-lastPeriods)
  );
}

function format(value: number, unit: "ms" | "rate"): string {
  return unit === "ms" ? `${Math.round(value).toLocaleString("en-US")} ms` : `${(value * 100).toFixed(2)}%`;
}
