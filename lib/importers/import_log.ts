import { join } from "node:path";
import { loadPriceTable } from "../pricing/load_price_table.ts";
import { BAD_ROW_LIST_LIMIT, type BadRow, BadRowLog } from "./bad_row_log.ts";
import type { FileStats } from "./file_stats.ts";
import { importCsvLog } from "./import_csv_log.ts";
import { ImportError } from "./import_error.ts";
import { importJsonlLog } from "./import_jsonl_log.ts";
import { importOtelSpans } from "./import_otel_spans.ts";
import type { RequestLogField } from "./request_log_fields.ts";
import { TrialCollector } from "./trial_collector.ts";

const REPO_ROOT = new URL("../../", import.meta.url).pathname;

/** Log formats the importer reads. */
export const LOG_FORMATS = ["otel", "jsonl", "csv"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Options of {@link importLog}. */
export interface ImportOptions {
  /** Name of the import: letters, digits, ".", "_", "-". Output goes to `<importsDir>/<name>/`. */
  name: string;
  format: LogFormat;
  /** Log files, imported in order into one trials file. */
  files: string[];
  /** CSV only: request log field → CSV column (see `parseColumnMap`). */
  columnMap?: Partial<Record<RequestLogField, string>>;
  /** Price table CSV. Default: `datasets/prices.csv` in the repository. */
  pricesPath?: string;
  /** Default: `reports/imports` in the repository. */
  importsDir?: string;
  /** "parquet" (default) writes `trials.parquet`; "jsonl" writes `trials.jsonl`. */
  output?: "parquet" | "jsonl";
  /** Bad rows listed with file, line and reason; the rest are only counted. */
  badRowLimit?: number;
}

/** Summary of one import (records read, imported, rejected, skipped, files written), also saved as `import.json`. */
export interface ImportResult {
  name: string;
  format: LogFormat;
  outDir: string;
  trialsPath: string;
  files: FileStats[];
  records: number;
  imported: number;
  bad: number;
  /** The first bad rows with file, line and reason. */
  badRows: BadRow[];
  /** Bad rows per broken rule. */
  badByRule: Record<string, number>;
  skipped: Record<string, number>;
  /** Imported rows per model. */
  models: Record<string, number>;
  /** Models with rows but no price row, so their cost is null. */
  unpricedModels: string[];
  pricesPath: string;
  columnMap: Partial<Record<RequestLogField, string>> | null;
  timings_ms: { read: number; write: number; total: number };
}

/**
 * Imports production request logs into the trial schema and writes
 * `<importsDir>/<name>/trials.parquet` (or `trials.jsonl`) and `import.json`.
 * Streams each file. Rows that break a rule are counted and listed with file and line, never
 * dropped silently, and the import continues past them. Throws {@link ImportError} for
 * problems that stop the whole import (bad options, a missing file, an unusable CSV header).
 */
export async function importLog(options: ImportOptions): Promise<ImportResult> {
  checkOptions(options);
  const started = performance.now();
  const pricesPath = options.pricesPath ?? join(REPO_ROOT, "datasets", "prices.csv");
  const outDir = join(options.importsDir ?? join(REPO_ROOT, "reports", "imports"), options.name);
  const collector = new TrialCollector(options.name, await loadPriceTable(pricesPath));
  const badRows = new BadRowLog(options.badRowLimit ?? BAD_ROW_LIST_LIMIT);

  const files: FileStats[] = [];
  for (const file of options.files) {
    if (options.format === "otel") files.push(await importOtelSpans(file, collector, badRows));
    else if (options.format === "jsonl") files.push(await importJsonlLog(file, collector, badRows));
    else files.push(await importCsvLog(file, collector, badRows, options.columnMap ?? {}));
  }
  const readDone = performance.now();

  await Deno.mkdir(outDir, { recursive: true });
  const output = options.output ?? "parquet";
  const trialsPath = join(outDir, output === "parquet" ? "trials.parquet" : "trials.jsonl");
  const frame = collector.toFrame();
  if (output === "parquet") frame.writeParquet(trialsPath);
  else frame.writeJSON(trialsPath, { format: "lines" });
  const writeDone = performance.now();

  const skipped: Record<string, number> = {};
  for (const stats of files) {
    for (const [reason, count] of Object.entries(stats.skipped)) skipped[reason] = (skipped[reason] ?? 0) + count;
  }
  const result: ImportResult = {
    name: options.name,
    format: options.format,
    outDir,
    trialsPath,
    files,
    records: files.reduce((sum, stats) => sum + stats.records, 0),
    imported: collector.size,
    bad: badRows.count,
    badRows: badRows.rows,
    badByRule: Object.fromEntries(badRows.byRule),
    skipped,
    models: Object.fromEntries([...collector.modelCounts].sort(([a], [b]) => a.localeCompare(b))),
    unpricedModels: [...collector.unpricedModels].sort(),
    pricesPath,
    columnMap: options.format === "csv" ? options.columnMap ?? {} : null,
    timings_ms: {
      read: Math.round(readDone - started),
      write: Math.round(writeDone - readDone),
      total: Math.round(performance.now() - started),
    },
  };
  await Deno.writeTextFile(join(outDir, "import.json"), JSON.stringify(result, null, 2) + "\n");
  return result;
}

function checkOptions(options: ImportOptions): void {
  if (options === null || typeof options !== "object") {
    throw new TypeError("importLog: options must be an object with name, format and files");
  }
  if (typeof options.name !== "string" || !/^[A-Za-z0-9._-]+$/.test(options.name)) {
    throw new ImportError(
      `import name ${JSON.stringify(options.name)} is invalid`,
      "--name",
      'use letters, digits, ".", "_" and "-" only, e.g. prod-2026-03',
    );
  }
  if (!(LOG_FORMATS as readonly string[]).includes(options.format)) {
    throw new ImportError(
      `log format ${JSON.stringify(options.format)} is unknown`,
      "--format",
      `use one of ${LOG_FORMATS.join(", ")}`,
    );
  }
  if (
    !Array.isArray(options.files) || options.files.length === 0 || options.files.some((f) => typeof f !== "string" || f === "")
  ) {
    throw new ImportError("no log files were given", "files", "pass one or more log file paths");
  }
  if (options.columnMap !== undefined && options.format !== "csv") {
    throw new ImportError("a column map applies to CSV files only", "--map", "drop --map, or use --format csv");
  }
  if (options.output !== undefined && options.output !== "parquet" && options.output !== "jsonl") {
    throw new ImportError(`output format ${JSON.stringify(options.output)} is unknown`, "--output", "use parquet or jsonl");
  }
}
