import pl from "nodejs-polars";
import type { TrialRecord } from "../runner/record.ts";

/** A trial record as read from `trials.jsonl`; fields added after a run was made may be absent. */
export type RawTrial = Partial<TrialRecord> & Pick<TrialRecord, "trial_id" | "status">;

const REQUEST_SCHEMA = {
  rid: pl.Int64,
  run_id: pl.String,
  trial_id: pl.String,
  model: pl.String,
  provider: pl.String,
  dataset: pl.String,
  item_id: pl.String,
  repetition: pl.Int64,
  attempt: pl.Int64,
  phase: pl.Int64,
  concurrency: pl.Int64,
  load_mode: pl.String,
  origin_unix_ms: pl.Float64,
  status: pl.String,
  error_class: pl.String,
  cached: pl.Bool,
  usage_source: pl.String,
  output_tokens: pl.Int64,
  reasoning_tokens: pl.Int64,
  scheduled_ms: pl.Float64,
  first_send_ms: pl.Float64,
  send_ms: pl.Float64,
  headers_ms: pl.Float64,
  end_ms: pl.Float64,
  original_ttft_ms: pl.Float64,
  original_e2e_ms: pl.Float64,
};

/** Latency fields a cached record keeps from its live measurement. */
const ORIGINAL_FIELDS = { original_ttft_ms: "ttft_ms", original_e2e_ms: "e2e_ms" } as const;

const EVENT_SCHEMA = { rid: pl.Int64, kind: pl.String, t_ms: pl.Float64, chars: pl.Int64 };

/** The raw facts of a set of trial records as two polars frames joined by `rid` (row id). */
export interface RawFrames {
  /** One row per record: ids, load settings, outcome, server usage and the raw times (ms on the run clock). */
  requests: pl.DataFrame;
  /** One row per recorded stream event: kind, time (ms on the run clock) and characters of text. */
  events: pl.DataFrame;
}

/**
 * Builds the raw frames every `derive*` function starts from. Only recorded facts go in
 * (times, event kinds, text lengths, usage); metrics are derived from them afterwards, so a
 * definition can change without re-running anything. A missing value is null, never 0.
 * `first_send_ms` falls back to `send_ms` and `phase` to 0 for records made before those
 * fields existed. A cached record's live measurement goes to `original_ttft_ms` and
 * `original_e2e_ms`; its own times describe no request.
 */
export function deriveRawFrames(records: readonly RawTrial[]): RawFrames {
  if (!Array.isArray(records)) throw new TypeError("deriveRawFrames: records must be an array of trial records");
  const columns = Object.fromEntries(Object.keys(REQUEST_SCHEMA).map((name) => [name, [] as unknown[]])) as Record<
    keyof typeof REQUEST_SCHEMA,
    unknown[]
  >;
  const events = { rid: [] as number[], kind: [] as string[], t_ms: [] as number[], chars: [] as number[] };

  records.forEach((record, rid) => {
    if (record === null || typeof record !== "object") {
      throw new TypeError(`deriveRawFrames: record ${rid} is not an object; pass parsed lines of trials.jsonl`);
    }
    const value = (name: keyof typeof REQUEST_SCHEMA): unknown => {
      if (name === "rid") return rid;
      if (name === "first_send_ms") return record.first_send_ms ?? record.send_ms ?? null;
      if (name === "phase") return record.phase ?? 0;
      if (name === "cached") return record.cached ?? false;
      if (name === "original_ttft_ms" || name === "original_e2e_ms") {
        return record.cached ? (record as Record<string, unknown>)[ORIGINAL_FIELDS[name]] ?? null : null;
      }
      return (record as Record<string, unknown>)[name] ?? null;
    };
    for (const name of Object.keys(REQUEST_SCHEMA) as (keyof typeof REQUEST_SCHEMA)[]) columns[name].push(value(name));
    for (const event of record.events ?? []) {
      events.rid.push(rid);
      events.kind.push(event.kind);
      events.t_ms.push(event.t_ms);
      events.chars.push(event.chars);
    }
  });

  return {
    requests: pl.DataFrame(columns, { schema: REQUEST_SCHEMA } as unknown as Record<string, unknown>),
    events: pl.DataFrame(events, { schema: EVENT_SCHEMA } as unknown as Record<string, unknown>),
  };
}

/** True for an event that carries output text (answer or reasoning); role, ping, usage and end events never do. */
export const isContentEvent = pl.col("kind").isIn(["text-delta", "reasoning-delta"]).and(pl.col("chars").gt(0));
