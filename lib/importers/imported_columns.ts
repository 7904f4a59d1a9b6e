import pl from "nodejs-polars";
import type { ImportedTrial } from "./imported_trial.ts";

/** Polars type of every column of an imported trials file, in file order. */
export const IMPORTED_SCHEMA: Record<keyof ImportedTrial, pl.DataType> = {
  schema_version: pl.Int64,
  run_id: pl.String,
  trial_id: pl.String,
  model: pl.String,
  provider: pl.String,
  model_version: pl.String,
  dataset: pl.String,
  endpoint_kind: pl.String,
  started_at: pl.String,
  ttft_ms: pl.Float64,
  e2e_ms: pl.Float64,
  input_tokens: pl.Int64,
  output_tokens: pl.Int64,
  reasoning_tokens: pl.Int64,
  cached_input_tokens: pl.Int64,
  cache_write_tokens: pl.Int64,
  cost_usd: pl.Float64,
  finish_reason: pl.String,
  status: pl.String,
  error_class: pl.String,
  error_http_status: pl.Int64,
  error_provider_code: pl.String,
  error_message: pl.String,
  source: pl.String,
};

/** Column names of an imported trials file, in file order. */
export const IMPORTED_COLUMNS = Object.keys(IMPORTED_SCHEMA) as (keyof ImportedTrial)[];
