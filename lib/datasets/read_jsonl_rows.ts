import { DatasetError } from "./dataset_error.ts";

/** One parsed line of a JSONL file with its 1-based line number. */
export interface JsonlRow {
  line: number;
  value: Record<string, unknown>;
}

/**
 * Parse JSONL text into objects, skipping blank lines. Invalid JSON or a line that is not
 * a JSON object throws a {@link DatasetError} naming `file:line`.
 */
export function readJsonlRows(text: string, file: string): JsonlRow[] {
  if (typeof text !== "string") throw new TypeError(`text of ${file} must be a string`);
  const rows: JsonlRow[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError({
        file,
        line: index + 1,
        field: null,
        rule: `invalid JSON: ${(error as Error).message}`,
        fix: "write one complete JSON object on this line",
        cause: error,
      });
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new DatasetError({
        file,
        line: index + 1,
        field: null,
        rule: `expected a JSON object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`,
        fix: "write one JSON object per line",
      });
    }
    rows.push({ line: index + 1, value: value as Record<string, unknown> });
  }
  if (rows.length === 0) {
    throw new DatasetError({ file, line: null, field: null, rule: "the file has no rows", fix: "add one JSON object per line" });
  }
  return rows;
}
