import pl from "nodejs-polars";
import { quantileSorted } from "./quantile_sorted.ts";
import { wilsonInterval } from "./wilson_interval.ts";

/** Default bin edges in input tokens: powers of two from 1,024 up to 1,048,576, then no bound. */
export const DEFAULT_CONTEXT_EDGES: readonly number[] = [
  0, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, Infinity,
];

/** Options of {@link contextCurve}. */
export interface ContextCurveOptions {
  /** Ascending bin edges in input tokens, starting at 0. A bin contains low < tokens ≤ high, and the first also 0. */
  edges?: readonly number[];
  /** Share of the shortest bin's accuracy a bin must keep to count as handled; default 0.9. */
  fraction?: number;
  /** Graded trials a bin needs to enter the effective-context decision; default 5. */
  minTrialsPerBin?: number;
}

/** Accuracy, TTFT and cost of one model for inputs in one size range. */
export interface ContextBin {
  low_tokens: number;
  /** Upper edge, inclusive; null for the open last bin. */
  high_tokens: number | null;
  /** Graded final attempts (errors without a grade count as failed). */
  n: number;
  passed: number;
  accuracy: number | null;
  /** Wilson 95% interval of the accuracy. */
  accuracy_ci_low: number | null;
  accuracy_ci_high: number | null;
  /** Largest input measured in the bin. */
  max_input_tokens: number | null;
  ttft_n: number;
  /** Median TTFT of successful trials not served from a cache (linear). */
  ttft_p50_ms: number | null;
  mean_cost_usd: number | null;
  /** True when n reaches the minimum for the effective-context decision. */
  enough_data: boolean;
}

/** One model's accuracy and TTFT against input length, with its effective context. */
export interface ContextCurve {
  model: string;
  bins: ContextBin[];
  fraction: number;
  min_trials_per_bin: number;
  /** Accuracy of the shortest bin with enough data. */
  baseline_accuracy: number | null;
  /** fraction × baseline_accuracy. */
  threshold_accuracy: number | null;
  /** Largest input measured in the last bin before accuracy first drops below the threshold. */
  effective_context_tokens: number | null;
  /** True when no bin dropped below the threshold, so the model may handle longer inputs than measured. */
  limited_by_data: boolean;
}

/**
 * Bin each model's trials by input tokens and report accuracy (with Wilson intervals),
 * median TTFT and mean cost per bin. The effective context is found by going from short
 * to long bins that have at least `minTrialsPerBin` graded trials. It is the largest
 * input measured before the first bin whose accuracy falls below `fraction` × the
 * shortest bin's accuracy. Trials without an input token count are left out.
 */
export function contextCurve(trials: pl.DataFrame, options: ContextCurveOptions = {}): ContextCurve[] {
  if (!trials || typeof trials.filter !== "function") {
    throw new TypeError("contextCurve: trials must be the polars frame loadTrials returns");
  }
  const { edges = DEFAULT_CONTEXT_EDGES, fraction = 0.9, minTrialsPerBin = 5 } = options;
  checkEdges(edges);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`contextCurve: fraction must be in (0, 1], e.g. 0.9, got ${fraction}`);
  if (!Number.isInteger(minTrialsPerBin) || minTrialsPerBin < 1) {
    throw new RangeError(`contextCurve: minTrialsPerBin must be a whole number ≥ 1, got ${minTrialsPerBin}`);
  }

  const rows = trials.filter(pl.col("input_tokens").isNotNull())
    .select("model", "input_tokens", "status", "cached", "is_final_attempt", "grade_pass", "ttft_ms", "cost_usd")
    .toRecords() as unknown as TrialRow[];
  const models = [...new Set(rows.map((r) => r.model))].sort();
  return models.map((model) => curveOf(model, rows.filter((r) => r.model === model), edges, fraction, minTrialsPerBin));
}

interface TrialRow {
  model: string;
  input_tokens: number;
  status: string;
  cached: boolean;
  is_final_attempt: boolean;
  grade_pass: boolean | null;
  ttft_ms: number | null;
  cost_usd: number | null;
}

function curveOf(model: string, rows: TrialRow[], edges: readonly number[], fraction: number, minimum: number): ContextCurve {
  const bins: ContextBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const low = edges[i];
    const high = edges[i + 1];
    const inBin = rows.filter((r) => (i === 0 ? r.input_tokens >= low : r.input_tokens > low) && r.input_tokens <= high);
    if (inBin.length > 0) bins.push(binOf(inBin, low, high, minimum));
  }

  const decided = bins.filter((b) => b.enough_data && b.accuracy !== null);
  const baseline = decided.length > 0 ? decided[0].accuracy : null;
  let effective: number | null = null;
  let dropped = false;
  if (baseline !== null && baseline > 0) {
    for (const bin of decided) {
      if ((bin.accuracy as number) < fraction * baseline) {
        dropped = true;
        break;
      }
      effective = bin.max_input_tokens;
    }
  }
  return {
    model,
    bins,
    fraction,
    min_trials_per_bin: minimum,
    baseline_accuracy: baseline,
    threshold_accuracy: baseline === null ? null : fraction * baseline,
    effective_context_tokens: effective,
    limited_by_data: effective !== null && !dropped,
  };
}

function binOf(rows: TrialRow[], low: number, high: number, minimum: number): ContextBin {
  // Same rule as the pass rate: a final attempt that errored without a grade counts as failed.
  const graded = rows.filter((r) => r.is_final_attempt && (r.grade_pass !== null || r.status === "error"));
  const passed = graded.filter((r) => r.grade_pass === true).length;
  const interval = wilsonInterval(passed, graded.length);
  const ttfts = Float64Array.from(
    rows.filter((r) => r.status === "ok" && !r.cached && r.ttft_ms !== null).map((r) => r.ttft_ms as number),
  ).sort();
  const costs = rows.filter((r) => r.status === "ok" && r.cost_usd !== null).map((r) => r.cost_usd as number);
  return {
    low_tokens: low,
    high_tokens: Number.isFinite(high) ? high : null,
    n: graded.length,
    passed,
    accuracy: graded.length === 0 ? null : passed / graded.length,
    accuracy_ci_low: interval?.low ?? null,
    accuracy_ci_high: interval?.high ?? null,
    max_input_tokens: rows.reduce((max, r) => Math.max(max, r.input_tokens), 0),
    ttft_n: ttfts.length,
    ttft_p50_ms: quantileSorted(ttfts, 0.5),
    mean_cost_usd: costs.length === 0 ? null : costs.reduce((sum, c) => sum + c, 0) / costs.length,
    enough_data: graded.length >= minimum,
  };
}

function checkEdges(edges: readonly number[]): void {
  if (!Array.isArray(edges) || edges.length < 2 || edges[0] !== 0) {
    throw new RangeError(`contextCurve: edges must be an ascending array starting at 0 with at least two entries, got ${JSON.stringify(edges)}`);
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw new RangeError(`contextCurve: edges must rise strictly, but edge ${i} (${edges[i]}) ≤ edge ${i - 1} (${edges[i - 1]})`);
    }
  }
}
