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

/** Options shared by the chart builders. */
export interface ChartOptions {
  /** Every model of the run, in display order, so colours and rows match across charts. */
  models?: readonly string[];
}
