import pl from "nodejs-polars";
import type { GroupSummary, RunSummary } from "../analysis/summary_types.ts";
import { wilsonInterval } from "../analysis/wilson_interval.ts";
import { formatMetric as f } from "./format_metric.ts";
import type { CriterionMetric, CriterionScope } from "./scenarios.ts";
import { liveTrials } from "./trial_points.ts";

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** A model's value on one criterion with its 95% interval and the sentence that shows it. */
export interface CriterionValue {
  value: number;
  low: number;
  high: number;
  n: number;
  /** e.g. "TTFT p50 412 ms (95% CI 398–430, n = 120)". */
  text: string;
}

/** Inputs of {@link criterionValues}. */
export interface CriterionInputs {
  summary: RunSummary;
  trials: pl.DataFrame;
  /** Per-model metrics over items with image input; null when no such item ran. */
  imageGroups: GroupSummary[] | null;
}

/** Look up one model's value of one criterion; null when it was not measured. */
export type CriterionLookup = (metric: CriterionMetric, scope: CriterionScope, model: string) => CriterionValue | null;

/**
 * Build the lookup of per-model criterion values with 95% intervals. Medians get the
 * distribution-free order-statistic interval, pass and error rates the Wilson interval,
 * and mean cost the normal interval (mean ± 1.96 s/√n). The context window is a
 * price-table fact without an interval. Values are computed on first use and kept.
 */
export function criterionValues(inputs: CriterionInputs): CriterionLookup {
  if (!inputs?.summary || !inputs.trials) throw new TypeError("criterionValues: inputs need summary and trials");
  const cache = new Map<string, CriterionValue | null>();
  const sortedCache = new Map<string, Float64Array>();
  const live = liveTrials(inputs.trials, ["model", "ttft_ms", "e2e_ms", "output_tps", "cost_usd"]);
  const byModel = new Map<string, pl.DataFrame>();
  // Sorting in polars and copying out a typed array is far faster than toArray() on big runs.
  const sorted = (model: string, field: string) => {
    const key = `${model}\u0000${field}`;
    if (!sortedCache.has(key)) {
      if (!byModel.has(model)) byModel.set(model, live.filter(pl.col("model").eq(pl.lit(model))));
      const series = byModel.get(model)!.getColumn(field).dropNulls().cast(pl.Float64).sort();
      sortedCache.set(key, Float64Array.from(series.toTypedArray() as Float64Array));
    }
    return sortedCache.get(key)!;
  };
  const compute = (metric: CriterionMetric, scope: CriterionScope, model: string): CriterionValue | null => {
    const m = inputs.summary.byModel.find((x) => x.model === model);
    if (!m) return null;
    switch (metric) {
      case "ttft_p50_ms":
        return medianValue(sorted(model, "ttft_ms"), (v) => `${f.ms(v)} ms`, "TTFT p50");
      case "e2e_p50_ms":
        return medianValue(sorted(model, "e2e_ms"), (v) => `${f.ms(v)} ms`, "end-to-end p50");
      case "output_tps_median":
        return medianValue(sorted(model, "output_tps"), (v) => `${f.tps(v)} tokens/s`, "output speed median");
      case "cost_per_1k_requests_usd":
        return meanCost(sorted(model, "cost_usd"));
      case "error_rate":
        return rate(m.errors, m.n, "error rate");
      case "context_window":
        return m.context_window === null ? null : {
          value: m.context_window,
          low: m.context_window,
          high: m.context_window,
          n: 0,
          text: `context window ${f.count(m.context_window)} tokens (price table)`,
        };
      case "pass_rate": {
        const group = scope.images_only
          ? inputs.imageGroups?.find((g) => g.model === model)
          : scope.task_kind
          ? inputs.summary.byModelKind.find((g) => g.model === model && g.task_kind === scope.task_kind)
          : m;
        if (!group || group.quality_n === 0) return null;
        let where = "";
        if (scope.images_only) where = " on image items";
        else if (scope.task_kind) where = ` on ${scope.task_kind} items`;
        return rate(group.passed, group.quality_n, `pass rate${where}`);
      }
    }
  };
  return (metric, scope, model) => {
    const key = JSON.stringify([metric, scope.task_kind ?? null, scope.images_only ?? false, model]);
    if (!cache.has(key)) cache.set(key, compute(metric, scope, model));
    return cache.get(key)!;
  };
}

// Order-statistic interval: ranks n/2 ± 1.96 √n / 2 bracket the median with about 95% coverage.
function medianValue(sorted: Float64Array, show: (v: number) => string, label: string): CriterionValue | null {
  const n = sorted.length;
  if (n === 0) return null;
  const position = 0.5 * (n - 1);
  const i = Math.floor(position);
  const value = sorted[i] + (sorted[Math.min(i + 1, n - 1)] - sorted[i]) * (position - i);
  const half = (Z95 * Math.sqrt(n)) / 2;
  const low = sorted[Math.max(0, Math.floor(n / 2 - half) - 1)];
  const high = sorted[Math.min(n - 1, Math.ceil(n / 2 + half))];
  return { value, low, high, n, text: `${label} ${show(value)} (95% CI ${show(low)}–${show(high)}, n = ${n})` };
}

function meanCost(values: Float64Array): CriterionValue | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const half = n > 1 ? Z95 * Math.sqrt(squares / (n - 1) / n) : 0;
  const [value, low, high] = [mean, Math.max(0, mean - half), mean + half].map((v) => v * 1000);
  return {
    value,
    low,
    high,
    n,
    text: `$${f.usd(value)} per 1,000 requests (95% CI ${f.usd(low)}–${f.usd(high)}, n = ${n})`,
  };
}

function rate(successes: number, n: number, label: string): CriterionValue | null {
  const interval = wilsonInterval(successes, n);
  if (interval === null) return null;
  const value = successes / n;
  return {
    value,
    low: interval.low,
    high: interval.high,
    n,
    text: `${label} ${f.pct(value)} (${successes}/${n}, Wilson 95% ${f.pct(interval.low)}–${f.pct(interval.high)})`,
  };
}
