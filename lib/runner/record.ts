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
  /** The judge's verdict and spending, for grades given by the `llm-judge` scorer. */
  judge?: JudgeRecord;
}

/** One call to a judge model: its verdict, token usage and cost. */
export interface JudgeRecord {
  /** `provider:model` of the judge. */
  model: string;
  endpoint_kind: "real" | "emulated";
  /** The judge's score on its 1–5 scale, or null when its reply could not be read. */
  rating: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  /** USD from the price table; null when the usage or the price is missing. */
  cost_usd: number | null;
}

/**
 * One trial (model × dataset item × repetition) as written to `trials.jsonl`.
 *
 * Times are milliseconds on the run's monotonic clock, measured from the run's start.
 * Durations (`ttft_ms`, `e2e_ms`, …) are measured from `send_ms`. A value that was not
 * observed is null, never 0. A cached trial (`cached: true`) sent no request: its duration
 * fields hold the values measured live in run `cached_from_run`, and analyses leave it out
 * of latency statistics.
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

  /** When the trial was due: its arrival time in an open loop, the moment a slot freed in a closed loop. */
  scheduled_ms: number;
  /** When this attempt's request was handed to the SDK. */
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
  /**
   * "server" when the server sent usage. "estimated" when it sent none and `output_tokens` is an
   * o200k count of the joined output text, the answer and the reasoning each counted once and
   * never per chunk. Every other count then stays null. "missing" when neither is available.
   */
  usage_source: "server" | "missing" | "estimated";
  /**
   * The usage object(s) exactly as the provider sent them: OpenAI `usage`, Gemini
   * `usageMetadata` of the last chunk, Anthropic `{ message_start, message_delta }` usages.
   */
  usage_raw?: unknown;
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

  /** `send_ms` of the trial's first attempt; equals `send_ms` when there was no retry. */
  first_send_ms?: number;
  /** Milliseconds spent waiting between attempts (backoff and `retry-after`). */
  retry_wait_ms?: number;
  /** First output minus `first_send_ms`: what a user waited, retries included. */
  user_ttft_ms?: number | null;
  /** `end_ms` minus `first_send_ms`: what a user waited for the whole answer, retries included. */
  user_e2e_ms?: number | null;

  /** Sweep phase index (0 when the run has no sweep). */
  phase?: number;
  /** Requests allowed in flight while this trial ran (the sweep level or the spec's concurrency). */
  concurrency?: number;
  /** "closed" or "open" loop. */
  load_mode?: "closed" | "open";
  /** Unix time in ms of the clock origin the `*_ms` times count from; each resumed session has its own. */
  origin_unix_ms?: number;
  /** SHA-256 of the request (model, messages, output limit, temperature), the key of the rescore cache. */
  request_sha256?: string;

  /** True when the response came from an earlier run (rescore): no request was sent in this run. */
  cached?: boolean;
  /** Run id where the cached response was measured live. */
  cached_from_run?: string | null;
}
