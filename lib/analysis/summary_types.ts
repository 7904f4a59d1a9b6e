import type { PriceRow } from "../runner/manifest.ts";

/**
 * Metrics of one group of trials (a model, a model × dataset, or a model × task kind).
 * A metric with no data is null. Latency and speed metrics use successful trials that
 * were not served from a cache; token and cost metrics use every successful trial.
 * Quality uses the last attempt of each trial.
 */
export interface GroupSummary {
  model: string;
  /** Set for model × dataset groups, else null. */
  dataset: string | null;
  /** Set for model × task kind groups, else null. */
  task_kind: string | null;
  /** Trial records, every attempt included. */
  n: number;
  ok: number;
  /** Successful trials served from a cache, left out of latency and speed metrics. */
  cached?: number;
  /** Trials that failed, not counting errors their item expects (`expected_errors`). */
  errors: number;
  /** Trials that ended in the error class their item expects, graded as passed. */
  expected_errors?: number;
  /** errors / n. */
  error_rate: number | null;
  ttft_n: number;
  ttft_p50_ms: number | null;
  ttft_p90_ms: number | null;
  e2e_n: number;
  e2e_p50_ms: number | null;
  e2e_p95_ms: number | null;
  e2e_min_ms: number | null;
  e2e_max_ms: number | null;
  output_tps_n: number;
  output_tps_median: number | null;
  mean_input_tokens: number | null;
  mean_output_tokens: number | null;
  max_input_tokens: number | null;
  /** Successful trials with a known cost. */
  cost_n: number;
  /** Mean cost of a successful request, USD. */
  cost_per_request_usd: number | null;
  cost_per_1k_requests_usd: number | null;
  /** Final attempts that produced a grade. */
  graded: number;
  passed: number;
  /** Final attempts that failed with an error and produced no grade; they count as not passed. */
  errored_ungraded: number;
  /** graded + errored_ungraded: the denominator of `pass_rate`. */
  quality_n: number;
  /** passed / quality_n. */
  pass_rate: number | null;
  /** passed / graded, leaving errors out. */
  pass_rate_graded: number | null;
  /** Wilson 95% interval of `pass_rate`. */
  pass_ci_low: number | null;
  pass_ci_high: number | null;
  /** Graded trials the scorer marked as "no response". */
  no_response: number;
}

/** TTFT against input size: a least-squares line over successful trials. */
export interface TtftInputFit {
  n: number;
  min_input_tokens: number;
  max_input_tokens: number;
  slope_ms_per_1k_tokens: number;
  intercept_ms: number;
}

/** Per-model metrics plus the model's price row and the versions its servers reported. */
export interface ModelSummary extends GroupSummary {
  provider: string | null;
  endpoint_kinds: string[];
  /** Distinct model versions the servers reported. */
  model_versions: string[];
  price: PriceRow | null;
  context_window: number | null;
  max_output: number | null;
  ttft_by_input: TtftInputFit | null;
}

/** Error counts of one model and error class. */
export interface ErrorSummary {
  model: string;
  error_class: string;
  count: number;
  /** Of `count`, the trials whose item expects this error class. */
  expected?: number;
  http_statuses: number[];
}

/** Everything `summariseRun` computes. */
export interface RunSummary {
  models: string[];
  datasets: { name: string; task_kinds: string[] }[];
  totals: { n: number; ok: number; errors: number };
  byModel: ModelSummary[];
  byModelDataset: GroupSummary[];
  byModelKind: GroupSummary[];
  errors: ErrorSummary[];
}
