import type { ErrorClass } from "../providers/types.ts";

/**
 * One production request in the trial schema: the `TrialRecord` fields that a request log
 * can fill, plus `source` (`file:line`) so every row leads back to its log line.
 * A value the log did not record is null, never 0.
 */
export interface ImportedTrial {
  schema_version: number;
  /** The import's name, which distinguishes rows of several imports in one frame. */
  run_id: string;
  /** `<name>:<source>`, unique within one import. */
  trial_id: string;
  /** `provider:model` when the provider is known, else the model name as logged. */
  model: string;
  provider: string | null;
  /** Model version string the provider returned (OTel `gen_ai.response.model`). */
  model_version: string | null;
  /** Always "production" for imported rows. */
  dataset: string;
  endpoint_kind: "real";
  /** Wall-clock start of the request, ISO 8601 in UTC. */
  started_at: string;
  ttft_ms: number | null;
  e2e_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  cached_input_tokens: number | null;
  cache_write_tokens: number | null;
  /** USD from the price table; null when the tokens or the price are missing. */
  cost_usd: number | null;
  finish_reason: string | null;
  status: "ok" | "error";
  error_class: ErrorClass | null;
  error_http_status: number | null;
  /** The error type string as logged (OTel `error.type`), before mapping to `error_class`. */
  error_provider_code: string | null;
  error_message: string | null;
  /** `file:line` of the log record (OTel: `file:line#span`). */
  source: string;
}

/** An imported row before the collector fills in the ids, the dataset and the cost. */
export type ParsedRow = Omit<
  ImportedTrial,
  "schema_version" | "run_id" | "trial_id" | "dataset" | "endpoint_kind" | "cost_usd" | "source"
>;
