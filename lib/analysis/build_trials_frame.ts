import pl from "nodejs-polars";
import { TRIAL_COLUMNS, TRIAL_SCHEMA, type TrialColumn, type TrialColumnName } from "./trial_columns.ts";
import { TrialsFileError } from "./trials_file_error.ts";

const USAGE_FALLBACK: Partial<Record<TrialColumnName, string>> = {
  input_tokens: "inputTokens",
  output_tokens: "outputTokens",
  reasoning_tokens: "reasoningTokens",
  cached_input_tokens: "cachedInputTokens",
  cache_write_tokens: "cacheWriteTokens",
};

/** A parsed trial record with the line it came from. */
export interface SourcedRecord {
  line: number;
  record: unknown;
}

/**
 * Build the trials frame from parsed trial records, typed by {@link TRIAL_SCHEMA}.
 * A column with no values keeps its declared type. Throws {@link TrialsFileError}
 * naming `file`, the line and the field for a value of the wrong type.
 */
export function buildTrialsFrame(records: readonly SourcedRecord[], file: string): pl.DataFrame {
  if (!Array.isArray(records)) {
    throw new TypeError("buildTrialsFrame: records must be an array of { line, record }");
  }
  const names = Object.keys(TRIAL_COLUMNS) as TrialColumnName[];
  const columns = Object.fromEntries(names.map((name) => [name, [] as unknown[]])) as Record<
    TrialColumnName,
    unknown[]
  >;

  for (const { line, record } of records) {
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new TrialsFileError({ file, line, field: null, problem: "is not a JSON object", fix: "write one trial record per line" });
    }
    const trial = record as Record<string, unknown>;
    for (const name of names) {
      const col: TrialColumn = TRIAL_COLUMNS[name];
      if (col.path.length === 0) continue;
      let value = readPath(trial, col.path);
      const usageField = USAGE_FALLBACK[name];
      if ((value === undefined || value === null) && usageField) {
        value = readPath(trial, ["usage", usageField]);
      }
      columns[name].push(checkValue(value, col, name, file, line));
    }
    const scheduled = columns.scheduled_ms.at(-1) as number | null;
    const send = columns.send_ms.at(-1) as number | null;
    columns.queue_delay_ms.push(scheduled !== null && send !== null ? send - scheduled : null);
    columns.event_count.push(Array.isArray(trial.events) ? trial.events.length : null);
    if (columns.status.at(-1) !== "ok" && columns.status.at(-1) !== "error") {
      throw new TrialsFileError({
        file,
        line,
        field: "status",
        problem: `is ${JSON.stringify(columns.status.at(-1))}`,
        fix: 'write "ok" or "error"',
      });
    }
  }
  columns.is_final_attempt = markFinalAttempts(columns);

  const frame = pl.DataFrame(columns, { schema: TRIAL_SCHEMA } as unknown as Record<string, unknown>);
  return frame.select(...names.map((name) => pl.col(name).cast(TRIAL_SCHEMA[name])));
}

function readPath(record: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function checkValue(value: unknown, col: TrialColumn, name: string, file: string, line: number): unknown {
  if (value === undefined || value === null) {
    if (col.default !== undefined) return col.default;
    if (col.required) {
      throw new TrialsFileError({ file, line, field: name, problem: "is missing", fix: "write the field in every trial record" });
    }
    return null;
  }
  const ok = (col.kind === "string" && typeof value === "string") ||
    (col.kind === "boolean" && typeof value === "boolean") ||
    (col.kind === "number" && typeof value === "number" && Number.isFinite(value)) ||
    (col.kind === "integer" && Number.isInteger(value));
  if (!ok) {
    throw new TrialsFileError({
      file,
      line,
      field: col.path.join("."),
      problem: `is ${JSON.stringify(value)}, expected ${col.kind} or null`,
      fix: "write the value with the type lib/runner/record.ts declares",
    });
  }
  return value;
}

// A retried trial has several records; quality counts only the last attempt.
function markFinalAttempts(columns: Record<TrialColumnName, unknown[]>): boolean[] {
  const keyOf = (i: number) =>
    JSON.stringify([columns.model[i], columns.dataset[i], columns.item_id[i], columns.repetition[i]]);
  const last = new Map<string, number>();
  const count = columns.model.length;
  for (let i = 0; i < count; i++) {
    const attempt = (columns.attempt[i] as number | null) ?? 0;
    const key = keyOf(i);
    const best = last.get(key);
    if (best === undefined || attempt >= ((columns.attempt[best] as number | null) ?? 0)) last.set(key, i);
  }
  const finals = new Set(last.values());
  return Array.from({ length: count }, (_, i) => finals.has(i));
}
