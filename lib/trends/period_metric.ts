/**
 * Metrics of one model in one period: a UTC day, an hour of day, or one run. Latency, cost
 * and token metrics use successful requests only. A metric with no data is null.
 */
export interface PeriodMetric {
  model: string;
  /** `YYYY-MM-DD` (UTC day), `HH` (hour of day, UTC) or a run id. */
  period: string;
  /** Start of the period, ISO 8601: the day's midnight, or the run's start. Orders periods. */
  period_start: string;
  /** Requests (trials) in the period, failures included. */
  n: number;
  ok: number;
  errors: number;
  /** errors / n. */
  error_rate: number | null;
  e2e_p50_ms: number | null;
  e2e_p95_ms: number | null;
  ttft_p50_ms: number | null;
  ttft_p95_ms: number | null;
  /** Total USD of successful requests with a known cost. */
  cost_usd: number | null;
  /** Successful requests with a known cost. */
  cost_n: number;
  cost_per_request_usd: number | null;
  /** Final attempts that were graded or failed without a grade (the pass-rate denominator). */
  quality_n: number;
  passed: number;
  pass_rate: number | null;
  /** Wilson 95% interval of `pass_rate`. */
  pass_ci_low: number | null;
  pass_ci_high: number | null;
  /** Requests per model version string the provider returned; `(none)` counts rows without one. */
  model_versions: Record<string, number>;
}

/** Kind of period a trend is split into. */
export type PeriodKind = "day" | "run" | "hour";

/** Key used in `model_versions` for requests whose response carried no version string. */
export const NO_VERSION = "(none)";
