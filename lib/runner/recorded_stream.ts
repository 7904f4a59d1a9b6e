import type { ErrorClass, Usage } from "../providers/types.ts";

/** Version of the `streams.jsonl` line layout. */
export const STREAM_SCHEMA_VERSION = 1;

/**
 * One attempt's raw stream as kept in `streams.jsonl` when a spec sets `record_streams`.
 * Times are ms after the attempt's send, so the emulator can replay the stream with its
 * original timing (`deno task emulator --replay RUN_DIR`).
 */
export interface RecordedStream {
  schema_version: number;
  run_id: string;
  trial_id: string;
  attempt: number;
  /** `provider:model` as named in the spec. */
  model: string;
  provider: string;
  dataset: string;
  item_id: string;
  repetition: number;
  phase: number;
  /** Key of the prompt as the emulator's `normalisePrompt` computes it, equal in every SDK shape. */
  prompt_key: string;
  max_output_tokens: number;
  /** Response headers after send, null when none arrived. */
  headers_ms: number | null;
  http_status: number | null;
  /** Every content event with its full text. */
  events: { t_ms: number; kind: "text" | "reasoning"; text: string }[];
  /** Terminal event or stream close after send. */
  end_ms: number;
  usage: Usage | null;
  usage_raw: unknown;
  finish_reason: string | null;
  model_version: string | null;
  error: {
    class: ErrorClass;
    http_status: number | null;
    provider_code: string | null;
    message: string;
    retry_after_s: number | null;
  } | null;
}
