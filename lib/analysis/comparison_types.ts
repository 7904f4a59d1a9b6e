/** Metrics compared between two runs. */
export type ComparisonMetric =
  | "ttft_p50_ms"
  | "e2e_p50_ms"
  | "output_tps_median"
  | "pass_rate"
  | "error_rate"
  | "cost_per_1k_requests_usd";

/** Judgement of a change, from its interval and its size. */
export type Verdict = "regression" | "improvement" | "no significant change" | "insufficient data";

/** The change of one metric of one model (and dataset) from run A to run B. */
export interface MetricChange {
  model: string;
  /** Dataset name, or null for all of the model's datasets together. */
  dataset: string | null;
  metric: ComparisonMetric;
  label: string;
  unit: "ms" | "tokens/s" | "fraction" | "USD";
  better: "lower" | "higher";
  a: number | null;
  b: number | null;
  /** Values (latency, speed, cost) or trials (rates) behind a and b. */
  n_a: number;
  n_b: number;
  /** b − a. */
  change: number | null;
  /** (b − a) / a; null when a is 0 or missing. */
  relative_change: number | null;
  /** Confidence interval of `change`. */
  ci_low: number | null;
  ci_high: number | null;
  interval_method: string;
  verdict: Verdict;
}

/** The identity of a compared run. */
export interface ComparedRun {
  run_id: string;
  started_at: string;
  spec_name: string | null;
  status: string;
  endpoint_kind: string;
  trials: number;
}

/** Settings a comparison was made with. */
export interface ComparisonSettings {
  level: number;
  resamples: number;
  seed: number;
  /** Smallest relative change of latency, speed or cost that is flagged, e.g. 0.05. */
  relative_threshold: number;
  /** Smallest change of a pass or error rate, in absolute terms (0.05 = 5 percentage points). */
  rate_threshold: number;
  /** Minimum number of values per run for a latency, speed or cost verdict. */
  min_samples: number;
}

/** Everything `compareRuns` returns. */
export interface RunComparison {
  run_a: ComparedRun;
  run_b: ComparedRun;
  settings: ComparisonSettings;
  /** Differences between the runs that can explain or confound a change. */
  warnings: string[];
  models: { compared: string[]; only_a: string[]; only_b: string[] };
  changes: MetricChange[];
  counts: Record<Verdict, number>;
}
