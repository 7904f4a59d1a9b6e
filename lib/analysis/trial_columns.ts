import pl from "nodejs-polars";

/** Type check applied to a column's values before they enter the frame. */
export type ColumnKind = "string" | "number" | "integer" | "boolean";

/** One column of the trials frame: its polars type and where its value comes from. */
export interface TrialColumn {
  type: pl.DataType;
  kind: ColumnKind;
  /** Whether a trial record must carry a non-null value. */
  required: boolean;
  /** Path in the trial record, e.g. ["grade", "pass"]. */
  path: readonly string[];
  /** Value used when the record lacks the field or contains null; without it such a value is null. */
  default?: string | number | boolean;
}

function column(
  kind: ColumnKind,
  path: string | readonly string[],
  required = false,
  defaultValue?: string | number | boolean,
): TrialColumn {
  const types: Record<ColumnKind, pl.DataType> = {
    string: pl.String,
    number: pl.Float64,
    integer: pl.Int64,
    boolean: pl.Bool,
  };
  const definition: TrialColumn = { type: types[kind], kind, required, path: typeof path === "string" ? [path] : path };
  if (defaultValue !== undefined) definition.default = defaultValue;
  return definition;
}

/**
 * Columns of the frame `loadTrials` returns, one row per trial record. `usage` and `grade`
 * are flattened: token counts come from the record's top-level copies (falling back to
 * `usage`), grade fields are prefixed `grade_`. `cached` is false unless the record marks
 * the response as served from a cache. Derived columns (`queue_delay_ms`,
 * `event_count`, `is_final_attempt`) are filled by the frame builder.
 */
export const TRIAL_COLUMNS = {
  run_id: column("string", "run_id"),
  trial_id: column("string", "trial_id"),
  model: column("string", "model", true),
  provider: column("string", "provider"),
  model_version: column("string", "model_version"),
  dataset: column("string", "dataset", true),
  item_id: column("string", "item_id", true),
  task_kind: column("string", "task_kind"),
  repetition: column("integer", "repetition"),
  attempt: column("integer", "attempt"),
  is_final_attempt: column("boolean", []),
  endpoint_kind: column("string", "endpoint_kind"),
  started_at: column("string", "started_at"),
  scheduled_ms: column("number", "scheduled_ms"),
  send_ms: column("number", "send_ms"),
  first_send_ms: column("number", "first_send_ms"),
  retry_wait_ms: column("number", "retry_wait_ms"),
  headers_ms: column("number", "headers_ms"),
  end_ms: column("number", "end_ms"),
  queue_delay_ms: column("number", []),
  ttft_ms: column("number", "ttft_ms"),
  ttft_answer_ms: column("number", "ttft_answer_ms"),
  ttlt_ms: column("number", "ttlt_ms"),
  e2e_ms: column("number", "e2e_ms"),
  output_tps: column("number", "output_tps"),
  user_ttft_ms: column("number", "user_ttft_ms"),
  user_e2e_ms: column("number", "user_e2e_ms"),
  phase: column("integer", "phase"),
  concurrency: column("integer", "concurrency"),
  load_mode: column("string", "load_mode"),
  usage_source: column("string", "usage_source"),
  input_tokens: column("integer", "input_tokens"),
  output_tokens: column("integer", "output_tokens"),
  reasoning_tokens: column("integer", "reasoning_tokens"),
  cached_input_tokens: column("integer", "cached_input_tokens"),
  cache_write_tokens: column("integer", "cache_write_tokens"),
  cost_usd: column("number", "cost_usd"),
  // Responses served from a cache keep their row but never enter latency statistics.
  cached: column("boolean", "cached", false, false),
  cached_from_run: column("string", "cached_from_run"),
  original_ttft_ms: column("number", "original_ttft_ms"),
  original_e2e_ms: column("number", "original_e2e_ms"),
  finish_reason: column("string", "finish_reason"),
  output_text: column("string", "output_text"),
  reasoning_chars: column("integer", "reasoning_chars"),
  event_count: column("integer", []),
  status: column("string", "status", true),
  error_class: column("string", "error_class"),
  error_http_status: column("integer", "error_http_status"),
  error_provider_code: column("string", "error_provider_code"),
  error_message: column("string", "error_message"),
  error_request_id: column("string", "error_request_id"),
  grade_pass: column("boolean", ["grade", "pass"]),
  grade_score: column("number", ["grade", "score"]),
  grade_reason: column("string", ["grade", "reason"]),
  grade_no_response: column("boolean", ["grade", "no_response"]),
} as const satisfies Record<string, TrialColumn>;

export type TrialColumnName = keyof typeof TRIAL_COLUMNS;

/** The declared polars schema of the trials frame. */
export const TRIAL_SCHEMA: Record<TrialColumnName, pl.DataType> = Object.fromEntries(
  Object.entries(TRIAL_COLUMNS).map(([name, col]) => [name, col.type]),
) as Record<TrialColumnName, pl.DataType>;
