/** Kinds of change the trend analysis flags. */
export type TrendFlagKind = "latency_shift" | "error_rate_shift" | "quality_drift" | "new_model_version";

/** One flagged change: which model, in which period, which metric moved and against what. */
export interface TrendFlag {
  kind: TrendFlagKind;
  model: string;
  period: string;
  period_start: string;
  /** Metric name, e.g. `e2e_p50_ms`, `error_rate`, `pass_rate`, `model_version`. */
  metric: string;
  /** The period's value (for `new_model_version`, the share of requests on the new version). */
  value: number;
  /** Baseline the value was compared with (the trailing median or pooled rate); null for versions. */
  baseline: number | null;
  /** The limit the value crossed. Null for versions. */
  threshold: number | null;
  /** One sentence with the numbers, for tables and logs. */
  detail: string;
}
