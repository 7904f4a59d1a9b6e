import pl from "nodejs-polars";
import { TRIAL_COLUMNS, TRIAL_SCHEMA, type TrialColumn, type TrialColumnName } from "./trial_columns.ts";
import { TrialsFileError } from "./trials_file_error.ts";

const NAMES = Object.keys(TRIAL_COLUMNS) as TrialColumnName[];
const USAGE_FALLBACK: Partial<Record<TrialColumnName, string>> = {
  input_tokens: "inputTokens",
  output_tokens: "outputTokens",
  reasoning_tokens: "reasoningTokens",
  cached_input_tokens: "cachedInputTokens",
  cache_write_tokens: "cacheWriteTokens",
};
/** How to read one column from a record; computed once, since every record walks them all. */
interface Reader {
  name: TrialColumnName;
  col: TrialColumn;
  key: string;
  /** Second path step, e.g. "pass" of grade.pass, or null for a top-level field. */
  subKey: string | null;
  usageKey: string | null;
}
const READERS: readonly Reader[] = NAMES.filter((name) => TRIAL_COLUMNS[name].path.length > 0).map((name) => {
  const col: TrialColumn = TRIAL_COLUMNS[name];
  if (col.path.length > 2) throw new RangeError(`TrialFrameBuilder: column ${name} has a path deeper than two fields`);
  return { name, col, key: col.path[0], subKey: col.path[1] ?? null, usageKey: USAGE_FALLBACK[name] ?? null };
});

/** Rows kept as JS values before they move into a polars chunk, which bounds memory on large files. */
const DEFAULT_CHUNK_ROWS = 50_000;

/**
 * Collect trial records one at a time into the trials frame typed by {@link TRIAL_SCHEMA}.
 * Each record is checked and reduced to its column values when added, and every
 * `chunkRows` rows move into a polars chunk, so a file of any size can be read record by
 * record. Errors are {@link TrialsFileError}s naming the file, the line and the field.
 *
 * @example
 * const builder = new TrialFrameBuilder("reports/runs/r1/trials.jsonl");
 * builder.add(JSON.parse(text), 1);
 * const trials = builder.finish();
 */
export class TrialFrameBuilder {
  readonly file: string;
  readonly #chunkRows: number;
  #columns = emptyColumns();
  #pending = 0;
  readonly #chunks: pl.DataFrame[] = [];

  constructor(file: string, chunkRows = DEFAULT_CHUNK_ROWS) {
    if (typeof file !== "string" || file === "") {
      throw new TypeError("TrialFrameBuilder: file must name the source of the records, e.g. the trials.jsonl path");
    }
    if (!Number.isInteger(chunkRows) || chunkRows < 1) {
      throw new RangeError(`TrialFrameBuilder: chunkRows must be a whole number ≥ 1, got ${chunkRows}`);
    }
    this.file = file;
    this.#chunkRows = chunkRows;
  }

  /** Check one parsed trial record from `line` and append its column values. */
  add(record: unknown, line: number): void {
    const file = this.file;
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new TrialsFileError({ file, line, field: null, problem: "is not a JSON object", fix: "write one trial record per line" });
    }
    const trial = record as Record<string, unknown>;
    const columns = this.#columns;
    const at = this.#pending;
    // Values go to row `at`. A rejected record is overwritten by the next one, so it leaves no row.
    for (const reader of READERS) {
      let value = trial[reader.key];
      if (reader.subKey !== null) value = field(value, reader.subKey);
      if ((value === undefined || value === null) && reader.usageKey !== null) value = field(trial.usage, reader.usageKey);
      columns[reader.name][at] = checkValue(value, reader.col, reader.name, file, line);
    }
    const status = columns.status[at];
    if (status !== "ok" && status !== "error") {
      throw new TrialsFileError({ file, line, field: "status", problem: `is ${JSON.stringify(status)}`, fix: 'write "ok" or "error"' });
    }
    const scheduled = columns.scheduled_ms[at] as number | null;
    const send = columns.send_ms[at] as number | null;
    columns.queue_delay_ms[at] = scheduled !== null && send !== null ? send - scheduled : null;
    columns.event_count[at] = Array.isArray(trial.events) ? trial.events.length : null;
    columns.is_final_attempt[at] = null;
    if (++this.#pending >= this.#chunkRows) this.#flush();
  }

  /**
   * Return the frame of every record added, with the declared schema. A column with no
   * values keeps its declared type. `is_final_attempt` marks, per model, dataset, item and
   * repetition, the last record with the highest attempt. The builder is empty afterwards.
   */
  finish(): pl.DataFrame {
    if (this.#pending > 0 || this.#chunks.length === 0) this.#flush();
    const chunks = this.#chunks;
    const frame = chunks.length === 1 ? chunks[0] : pl.concat(chunks, { how: "vertical", rechunk: true });
    chunks.length = 0;
    return markFinalAttempts(frame).select(...NAMES.map((name) => pl.col(name).cast(TRIAL_SCHEMA[name])));
  }

  #flush(): void {
    const rows = this.#pending;
    const columns = this.#columns;
    this.#chunks.push(pl.DataFrame(NAMES.map((name) => toSeries(name, columns[name], rows))));
    this.#columns = emptyColumns();
    this.#pending = 0;
  }
}

function field(parent: unknown, key: string): unknown {
  return parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
}

function emptyColumns(): Record<TrialColumnName, unknown[]> {
  return Object.fromEntries(NAMES.map((name) => [name, [] as unknown[]])) as Record<TrialColumnName, unknown[]>;
}

// Converting JS values one by one is most of the cost of a chunk. Columns that are all null
// (optional fields a run did not record) and numbers without nulls take faster routes.
function toSeries(name: TrialColumnName, values: unknown[], rows: number): pl.Series {
  values.length = rows;
  const type = TRIAL_SCHEMA[name];
  let nulls = 0;
  for (const value of values) if (value === null) nulls++;
  if (nulls === rows) return pl.Series(name, [], type).extendConstant(null, rows);
  if (nulls === 0 && TRIAL_COLUMNS[name].kind === "number") return pl.Series(name, Float64Array.from(values as number[]));
  return pl.Series(name, values, type);
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

// A retried trial has several records, and quality counts only the last attempt. Each window is
// its own step, because polars evaluates a window nested in a window row by row.
function markFinalAttempts(frame: pl.DataFrame): pl.DataFrame {
  const keys = ["dataset", "item_id", "repetition"];
  const attempt = pl.col("attempt").fillNull(0);
  return frame
    .withRowIndex("__row")
    .withColumns(attempt.max().over("model", ...keys).alias("__max_attempt"))
    .withColumns(pl.when(attempt.eq(pl.col("__max_attempt"))).then(pl.col("__row")).otherwise(pl.lit(null)).alias("__best"))
    .withColumns(pl.col("__row").eq(pl.col("__best").max().over("model", ...keys)).alias("is_final_attempt"));
}
