import type { ErrorClass, Usage } from "../providers/types.ts";

/** Version of the trial record layout. Bump it when a field changes meaning. */
export const TRIAL_SCHEMA_VERSION = 1;

/** One stream event as kept in the raw record: kind, time and text length. */
export interface RecordedEvent {
  kind: "response-headers" | "text-delta" | "reasoning-delta" | "usage" | "end" | "error";
  /** Milliseconds since the run's monotonic origin. */
  t_ms: number;
  /** Characters of text the event carried (0 for events without text). */
  chars: number;
}

/** Grade given by a scorer. A failed grade is data, not an exception. */
export interface Grade {
  pass: boolean;
  /** Score in [0, 1]. */
  score: number;
  /** Measured value against the expectation, in words. */
  reason: string;
  /** True when the model returned no usable output ("no response", not a wrong answer). */
  no_response?: boolean;
}

/**
 * One trial (model × dataset item × repetition) as written to `trials.jsonl`.
 *
 * Times are milliseconds on the run's monotonic clock, measured from the run's start.
 * Durations (`ttft_ms`, `e2e_ms`, …) are measured from `send_ms`. A value that was not
 * observed is null, never 0.
 */
export interface TrialRecord {
  schema_version: number;
  run_id: string;
  trial_id: string;
  /** `provider:model`, as named in the spec. */
  model: string;
  provider: string;
  /** Model version string the server reported, e.g. `gpt-4o-2024-08-06`. */
  model_version: string | null;
  dataset: string;
  item_id: string;
  task_kind: string;
  repetition: number;
  attempt: number;
  endpoint_kind: "real" | "emulated";
  /** Wall-clock time the request was sent, ISO 8601. */
  started_at: string;

  scheduled_ms: number;
  send_ms: number;
  headers_ms: number | null;
  end_ms: number;

  /** First non-empty output of any kind (answer or reasoning text) minus send. */
  ttft_ms: number | null;
  /** First non-empty answer (non-reasoning) text minus send. */
  ttft_answer_ms: number | null;
  /** Last content-bearing event minus send. */
  ttlt_ms: number | null;
  /** Terminal event or stream close minus send. */
  e2e_ms: number;
  /** (output tokens − 1) / (TTLT − TTFT) in tokens per second; null when undefined. */
  output_tps: number | null;

  usage: Usage | null;
  /** "server" when the server sent usage, "missing" otherwise. */
  usage_source: "server" | "missing";
  input_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  cached_input_tokens: number | null;
  cache_write_tokens: number | null;
  /** Cost in USD from the run's price table; null when usage or the price is missing. */
  cost_usd: number | null;

  finish_reason: string | null;
  output_text: string;
  reasoning_chars: number;
  events: RecordedEvent[];

  status: "ok" | "error";
  error_class: ErrorClass | null;
  error_http_status: number | null;
  error_provider_code: string | null;
  error_message: string | null;
  error_request_id: string | null;

  grade: Grade | null;
}
