import { SCORERS } from "../scoring/scorers.ts";
import { DatasetError } from "./dataset_error.ts";
import { describeZodIssue } from "./describe_zod_issue.ts";
import { type DatasetItem, datasetItemSchema } from "./schema.ts";

/**
 * Validate an item built by an importer against the dataset schema and its scorer's
 * settings, so an imported file loads without errors. A fault throws a
 * {@link DatasetError} naming the source row's `file:line`.
 */
export function checkImportedItem(value: unknown, file: string, line: number): DatasetItem {
  const parsed = datasetItemSchema.safeParse(value);
  if (!parsed.success) {
    throw new DatasetError({ file, line, ...describeZodIssue(parsed.error.issues[0]), cause: parsed.error });
  }
  const scorer = SCORERS.get(parsed.data.scorer.name)!;
  const settings = scorer.settings.safeParse(parsed.data.scorer);
  if (!settings.success) {
    throw new DatasetError({ file, line, ...describeZodIssue(settings.error.issues[0], ["scorer"]), cause: settings.error });
  }
  return parsed.data;
}

/** Throw a {@link DatasetError} for a source row field that is missing or not a non-empty string. */
export function requireString(row: Record<string, unknown>, field: string, file: string, line: number): string {
  const value = row[field];
  if (typeof value === "string" && value.trim() !== "") return value;
  const got = value === undefined ? "missing" : `got ${JSON.stringify(value)?.slice(0, 40)}`;
  throw new DatasetError({
    file,
    line,
    field,
    rule: `"${field}" must be a non-empty string, ${got}`,
    fix: `add "${field}" to the row as a string`,
  });
}
