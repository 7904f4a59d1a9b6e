import { join } from "node:path";
import type pl from "nodejs-polars";
import { EVENTS_COLUMN, TRIALS_PARQUET } from "./load_trials_fast.ts";
import type { DataFile } from "./report_model.ts";

/** Name of the per-trial CSV file next to the report. */
export const TRIALS_CSV = "trials.csv";

/** Two-line snippets that load the data files, printed in the report. */
export const LOAD_SNIPPETS: readonly { tool: string; code: string }[] = [
  { tool: "polars", code: `import polars as pl\ndf = pl.read_parquet("${TRIALS_PARQUET}")` },
  { tool: "pandas", code: `import pandas as pd\ndf = pd.read_parquet("${TRIALS_PARQUET}")  # or pd.read_csv("${TRIALS_CSV}")` },
  {
    tool: "DuckDB",
    code: `import duckdb\nduckdb.sql("SELECT model, median(ttft_ms) FROM '${TRIALS_PARQUET}' WHERE status = 'ok' GROUP BY model").show()`,
  },
];

/**
 * Write the per-trial data files into `outDir`: `trials.parquet` and `trials.csv`, one row
 * per trial record with the columns of the trials frame (usage and grade flattened) and
 * each trial's stream events as JSON text in `events_json`. `parquetIsCurrent` skips the
 * Parquet file when the frame was just read from it.
 */
export function writeDataFiles(trials: pl.DataFrame, outDir: string, parquetIsCurrent: boolean): DataFile[] {
  if (!trials || typeof trials.writeParquet !== "function") {
    throw new TypeError("writeDataFiles: trials must be a polars DataFrame");
  }
  if (!parquetIsCurrent) trials.writeParquet(join(outDir, TRIALS_PARQUET), { compression: "zstd" });
  trials.writeCSV(join(outDir, TRIALS_CSV));
  return describeDataFiles(trials.height, trials.width, trials.columns.includes(EVENTS_COLUMN));
}

/** Describe the two data files for the report's "Data files" section. */
export function describeDataFiles(rows: number, columns: number, withEvents: boolean): DataFile[] {
  const events = withEvents ? `; ${EVENTS_COLUMN} has each trial's stream events as JSON text` : "";
  const shape = { rows, columns };
  return [
    { name: TRIALS_PARQUET, format: "Apache Parquet (zstd)", ...shape, description: `One row per trial record, typed columns${events}.` },
    { name: TRIALS_CSV, format: "CSV with a header row", ...shape, description: `The same rows and columns as text${events}.` },
  ];
}
