import type { TopLevelSpec } from "vega-lite";

/** A Vega-Lite specification with its data inline, as every chart builder returns it. */
export type ChartSpec = TopLevelSpec;

/** One trial as the per-trial charts plot it. A null value is drawn as a gap. */
export interface TrialPoint {
  model: string;
  dataset: string;
  ttft_ms: number | null;
  e2e_ms: number | null;
  output_tps: number | null;
  input_tokens: number | null;
  output_tokens?: number | null;
}

/** Quantiles of one model's values, computed over every trial (not only the plotted dots). */
export interface DistributionStats {
  model: string;
  n: number;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/** Metrics of one model, or one model × dataset, as the summary charts plot them. */
export interface GroupPoint {
  model: string;
  dataset: string | null;
  e2e_p50_ms: number | null;
  e2e_p95_ms: number | null;
  /** Pass rate and its Wilson 95% interval, 0–1. */
  pass_rate: number | null;
  pass_ci_low: number | null;
  pass_ci_high: number | null;
  quality_n: number;
  cost_per_1k_requests_usd: number | null;
}

/** Throughput and median latency of one model at one concurrency level. */
export interface ConcurrencyPoint {
  model: string;
  concurrency: number;
  /** Output tokens per second of successful trials over the level's window. */
  throughput_tps: number | null;
  latency_p50_ms: number | null;
}

/** Accuracy of one model on needle items of one context length and needle depth. */
export interface ContextCell {
  model: string;
  context_tokens: number;
  depth_pct: number;
  passed: number;
  n: number;
  /** passed / n, 0–1; null when nothing was graded. */
  accuracy: number | null;
}

/** Cost per 1,000 requests of one model on one task kind. */
export interface KindCostPoint {
  model: string;
  task_kind: string;
  cost_per_1k_requests_usd: number | null;
}

/** Trials of one model that ended in one error class. */
export interface ErrorCount {
  model: string;
  error_class: string;
  count: number;
}

/** Change of one metric between two versions of a model, with its 95% interval. */
export interface VersionDelta {
  /** The pair compared, e.g. "gpt-4o-2024-08-06 → gpt-4o-2024-11-20". */
  model: string;
  /** Metric name with its unit, e.g. "TTFT p50 (ms)". */
  metric: string;
  delta: number | null;
  low: number | null;
  high: number | null;
}

/** Options shared by the chart builders. */
export interface ChartOptions {
  /** Every model of the run, in display order, so colours and rows match across charts. */
  models?: readonly string[];
}
