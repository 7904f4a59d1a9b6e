import pl from "nodejs-polars";
import { PERCENTILE_METHOD } from "./percentile_method.ts";
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

  const rows = binRows(trials, edges);
  // A model whose inputs all fall outside the edges still gets a curve, with no bins.
  const models = [...new Set(rows.map((r) => r.model))].sort();
  const binned = rows.filter((r) => r.bin !== null);
  return models.map((model) => curveOf(model, binned.filter((r) => r.model === model), edges, fraction, minTrialsPerBin));
}

/** Aggregates of one model's trials in one input bin. */
interface BinRow {
  model: string;
  /** Null for the trials outside every bin. */
  bin: number | null;
  n: number;
  passed: number;
  max_input_tokens: number;
  ttft_n: number;
  ttft_p50_ms: number | null;
  mean_cost_usd: number | null;
}

// Polars bins and aggregates every trial in one pass, so only one row per model and bin reaches JS.
function binRows(trials: pl.DataFrame, edges: readonly number[]): BinRow[] {
  if (trials.height === 0) return [];
  const tokens = pl.col("input_tokens");
  const ok = pl.col("status").eq(pl.lit("ok"));
  // Same rule as the pass rate: a final attempt that errored without a grade counts as failed.
  const graded = pl.col("is_final_attempt").and(pl.col("grade_pass").isNotNull().or(pl.col("status").eq(pl.lit("error"))));
  const liveTtft = ok.and(pl.col("cached").not()).and(pl.col("ttft_ms").isNotNull());
  const rows = trials.lazy()
    .filter(tokens.isNotNull())
    .withColumns(binIndex(edges).alias("__bin"))
    .groupBy(["model", "__bin"])
    .agg(
      graded.sum().alias("n"),
      graded.and(pl.col("grade_pass").fillNull(false)).sum().alias("passed"),
      tokens.max().alias("max_input_tokens"),
      liveTtft.sum().alias("ttft_n"),
      // The filter leaves no nulls, so polars' linear quantile equals quantileSorted's.
      pl.col("ttft_ms").filter(liveTtft).quantile(0.5, PERCENTILE_METHOD.polarsInterpolation).alias("ttft_p50_ms"),
      ok.and(pl.col("cost_usd").isNotNull()).sum().alias("cost_n"),
      // A running sum adds the costs in row order, as a JS loop does, so the mean does not drift.
      pl.col("cost_usd").filter(ok.and(pl.col("cost_usd").isNotNull())).cumSum().last().alias("cost_sum"),
    )
    .collectSync()
    .toRecords() as Record<string, unknown>[];
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows
    .map((row) => ({
      model: String(row.model),
      bin: row.__bin === null || row.__bin === undefined ? null : Number(row.__bin),
      n: Number(row.n ?? 0),
      passed: Number(row.passed ?? 0),
      max_input_tokens: Number(row.max_input_tokens),
      ttft_n: Number(row.ttft_n ?? 0),
      ttft_p50_ms: num(row.ttft_p50_ms),
      mean_cost_usd: Number(row.cost_n ?? 0) === 0 ? null : Number(row.cost_sum) / Number(row.cost_n),
    }))
    .sort((x, y) => (x.bin ?? -1) - (y.bin ?? -1));
}

// Index of the bin that contains each trial's input size: the first bin contains 0 ≤ tokens ≤ edges[1],
// bin i contains edges[i] < tokens ≤ edges[i + 1]. Null outside every bin.
function binIndex(edges: readonly number[]): pl.Expr {
  const tokens = pl.col("input_tokens");
  const within = (high: number) => (Number.isFinite(high) ? tokens.ltEq(pl.lit(high)) : pl.lit(true));
  const none = pl.lit(null).cast(pl.Int32);
  let index = none;
  for (let i = edges.length - 2; i >= 0; i--) index = pl.when(within(edges[i + 1])).then(pl.lit(i).cast(pl.Int32)).otherwise(index);
  return pl.when(tokens.lt(pl.lit(edges[0]))).then(none).otherwise(index);
}

function curveOf(model: string, rows: BinRow[], edges: readonly number[], fraction: number, minimum: number): ContextCurve {
  const bins = rows.map((row) => binOf(row, edges, minimum));

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

function binOf(row: BinRow, edges: readonly number[], minimum: number): ContextBin {
  const bin = row.bin as number;
  const high = edges[bin + 1];
  const interval = wilsonInterval(row.passed, row.n);
  return {
    low_tokens: edges[bin],
    high_tokens: Number.isFinite(high) ? high : null,
    n: row.n,
    passed: row.passed,
    accuracy: row.n === 0 ? null : row.passed / row.n,
    accuracy_ci_low: interval?.low ?? null,
    accuracy_ci_high: interval?.high ?? null,
    max_input_tokens: row.max_input_tokens,
    ttft_n: row.ttft_n,
    ttft_p50_ms: row.ttft_p50_ms,
    mean_cost_usd: row.mean_cost_usd,
    enough_data: row.n >= minimum,
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
