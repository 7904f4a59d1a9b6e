import type { BadRowLog } from "./bad_row_log.ts";
import { emptyFileStats, type FileStats } from "./file_stats.ts";
import { ImportError } from "./import_error.ts";
import { normaliseRequestRow } from "./normalise_request_row.ts";
import { readCsvRecords } from "./read_csv_records.ts";
import { REQUEST_LOG_FIELDS, type RequestLogField, REQUIRED_REQUEST_LOG_FIELDS } from "./request_log_fields.ts";
import { RowError } from "./row_error.ts";
import type { TrialCollector } from "./trial_collector.ts";

/**
 * Imports a CSV export whose first record is the header. Streams the file.
 *
 * `columnMap` names the column of each request log field (see `parseColumnMap`). A field it
 * leaves out is read from the column of the same name when the header has one. Throws
 * {@link ImportError} when a mapped column is not in the header or a required field has no
 * column. A data row with the wrong number of fields, or one that breaks a rule of
 * `normaliseRequestRow`, goes to `badRows` with its line number, and the import continues.
 */
export async function importCsvLog(
  path: string,
  collector: TrialCollector,
  badRows: BadRowLog,
  columnMap: Partial<Record<RequestLogField, string>> = {},
): Promise<FileStats> {
  const stats = emptyFileStats(path);
  let indexes: [RequestLogField, number][] | null = null;
  let width = 0;

  for await (const record of readCsvRecords(path)) {
    if (indexes === null) {
      if (record.error !== undefined) {
        throw new ImportError(
          `CSV header of ${path} at line ${record.line} is malformed: ${record.error}`,
          path,
          "correct the header row",
        );
      }
      indexes = resolveColumns(path, record.fields.map((name) => name.trim()), columnMap);
      width = record.fields.length;
      continue;
    }
    stats.records++;
    if (record.error !== undefined) {
      stats.bad++;
      badRows.add(path, record.line, `malformed CSV: ${record.error}`, "malformed CSV");
      continue;
    }
    if (record.fields.length !== width) {
      const rule = "row has a different number of fields than the header";
      stats.bad++;
      badRows.add(path, record.line, `${rule} (${record.fields.length}, header has ${width})`, rule);
      continue;
    }
    const values: Partial<Record<RequestLogField, string>> = {};
    for (const [field, index] of indexes) values[field] = record.fields[index];
    try {
      collector.add(normaliseRequestRow(values), `${path}:${record.line}`);
      stats.imported++;
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      stats.bad++;
      badRows.add(path, record.line, error.reason, error.rule);
    }
  }
  if (indexes === null) {
    throw new ImportError(`CSV file ${path} is empty`, path, "export the log with a header row and at least one data row");
  }
  return stats;
}

function resolveColumns(
  path: string,
  header: string[],
  columnMap: Partial<Record<RequestLogField, string>>,
): [RequestLogField, number][] {
  const resolved: [RequestLogField, number][] = [];
  for (const field of REQUEST_LOG_FIELDS) {
    const mapped = columnMap[field];
    const index = header.indexOf(mapped ?? field);
    if (mapped !== undefined && index < 0) {
      throw new ImportError(
        `--map column "${mapped}" for field ${field} is not in the header of ${path} (columns: ${header.join(", ")})`,
        "--map",
        "name a column of the header, spelled exactly as it is there",
      );
    }
    if (index >= 0) resolved.push([field, index]);
  }
  const missing = REQUIRED_REQUEST_LOG_FIELDS.filter((field) => !resolved.some(([name]) => name === field));
  if (missing.length > 0) {
    throw new ImportError(
      `CSV file ${path} has no column for required field(s) ${missing.join(", ")} (columns: ${header.join(", ")})`,
      "--map",
      `map them, e.g. --map ${missing.map((field) => `${field}=<column>`).join(",")}`,
    );
  }
  return resolved;
}
