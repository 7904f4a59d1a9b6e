import { listDatasets } from "./list_datasets.ts";
import { basename, dirname, join } from "node:path";
import { SCORERS } from "../scoring/scorers.ts";
import { DatasetError } from "./dataset_error.ts";
import { DEFAULT_DATASETS_DIR } from "./default_datasets_dir.ts";
import { describeZodIssue } from "./describe_zod_issue.ts";
import { expandItem, ItemExpansionError } from "./expand_item.ts";
import { type Dataset, type DatasetItem, datasetItemSchema } from "./schema.ts";

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Folder in which a dataset name is looked up. Defaults to the repository's `datasets/`. */
  datasetsDir?: string;
}

const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Load a dataset by name (`<datasetsDir>/<name>.jsonl`) or by path (any value with a
 * `/` or ending in `.jsonl`), checking every line against the item schema and its
 * scorer's settings.
 *
 * An item with a `generator` is returned expanded: its `{{haystack}}` becomes the
 * generated text (see `expandItem`), so every caller sees the prompt that is sent.
 *
 * Blank lines are skipped. The first bad line throws a {@link DatasetError} naming
 * `file:line`, the field, the broken rule and the fix: invalid JSON (with its column),
 * a schema violation, an unknown scorer, invalid scorer settings, a missing file the
 * scorer needs, or an id already used on an earlier line.
 *
 * @example
 * ```ts
 * const dataset = await loadDataset("json-extraction");
 * dataset.items.length; // 24 or more
 * ```
 */
export async function loadDataset(nameOrPath: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  if (typeof nameOrPath !== "string" || nameOrPath.trim() === "") {
    throw new TypeError(`nameOrPath must be a dataset name or a .jsonl path, got ${JSON.stringify(nameOrPath)}`);
  }
  const isPath = /[\\/]/.test(nameOrPath) || nameOrPath.endsWith(".jsonl");
  if (!isPath && !DATASET_NAME.test(nameOrPath)) {
    throw new RangeError(
      `dataset name must be letters, digits, ".", "_" or "-", got ${JSON.stringify(nameOrPath)}; ` +
        "pass a path with a / to load a file",
    );
  }
  const datasetsDir = options.datasetsDir ?? DEFAULT_DATASETS_DIR;
  const path = isPath ? nameOrPath : join(datasetsDir, `${nameOrPath}.jsonl`);

  const text = await readDatasetFile(path);
  const items: DatasetItem[] = [];
  const idLines = new Map<string, number>();
  const lines = text.split("\n");
  for (const [index, rawLine] of lines.entries()) {
    // Only a trailing \r is cut, so JSON error columns match the file.
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") continue;
    const lineNumber = index + 1;
    const item = await parseItem(line, path, lineNumber);

    const firstLine = idLines.get(item.id);
    if (firstLine !== undefined) {
      throw new DatasetError({
        file: path,
        line: lineNumber,
        field: "id",
        rule: `duplicate id ${JSON.stringify(item.id)}, first used on line ${firstLine}`,
        fix: `give one of lines ${firstLine} and ${lineNumber} a new id`,
      });
    }
    idLines.set(item.id, lineNumber);
    items.push(item);
  }

  if (items.length === 0) {
    throw new DatasetError({
      file: path,
      line: null,
      field: null,
      rule: "the file has no items",
      fix: "add one JSON object per line",
    });
  }
  return { name: basename(path).replace(/\.jsonl$/, ""), path, items };
}

async function readDatasetFile(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    const rule = error instanceof Deno.errors.NotFound ? "file not found" : `file could not be read: ${error}`;
    const known = await listDatasets(dirname(path)).catch(() => []);
    const names = known.length > 0 ? ` (in that folder: ${known.join(", ")})` : "";
    throw new DatasetError({
      file: path,
      line: null,
      field: null,
      rule,
      fix: `pass the name of a dataset in the datasets folder${names} or a path to a .jsonl file`,
      cause: error,
    });
  }
}

async function parseItem(line: string, file: string, lineNumber: number): Promise<DatasetItem> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DatasetError({
      file,
      line: lineNumber,
      field: null,
      rule: describeJsonError(line, (error as Error).message),
      fix: "write the item as one complete JSON object on this line",
      cause: error,
    });
  }

  const parsed = datasetItemSchema.safeParse(value);
  if (!parsed.success) {
    throw new DatasetError({ file, line: lineNumber, ...describeZodIssue(parsed.error.issues[0]), cause: parsed.error });
  }
  const item = expandOrThrow(parsed.data, file, lineNumber);

  const scorer = SCORERS.get(item.scorer.name);
  if (scorer === undefined) {
    throw new DatasetError({
      file,
      line: lineNumber,
      field: "scorer.name",
      rule: `unknown scorer ${JSON.stringify(item.scorer.name)}`,
      fix: `use one of: ${[...SCORERS.keys()].join(", ")}`,
    });
  }
  const settings = scorer.settings.safeParse(item.scorer);
  if (!settings.success) {
    const issue = describeZodIssue(settings.error.issues[0], ["scorer"]);
    throw new DatasetError({ file, line: lineNumber, ...issue, cause: settings.error });
  }
  const problem = await scorer.check?.(item, { datasetsDir: dirname(file) });
  if (problem) throw new DatasetError({ file, line: lineNumber, ...problem });
  return item;
}

function expandOrThrow(item: DatasetItem, file: string, lineNumber: number): DatasetItem {
  try {
    return expandItem(item);
  } catch (error) {
    if (!(error instanceof ItemExpansionError) && !(error instanceof RangeError)) throw error;
    const field = error instanceof ItemExpansionError ? error.field : "generator";
    const fix = error instanceof ItemExpansionError ? error.fix : "correct the generator settings";
    throw new DatasetError({ file, line: lineNumber, field, rule: error.message, fix, cause: error });
  }
}

// V8 gives the column for most JSON errors. For an unexpected token it gives only the
// token, so the column is where that token first occurs outside a string.
function describeJsonError(line: string, message: string): string {
  const short = message.replace(/, ".*" is not valid JSON$/, "").replace(/ in JSON at position \d+ \(line \d+ column \d+\)$/, "");
  let column: number | null = Number(message.match(/column (\d+)/)?.[1] ?? NaN);
  if (Number.isNaN(column)) {
    const token = message.match(/^Unexpected token '(.)'/)?.[1];
    if (token !== undefined) column = columnOutsideStrings(line, token);
    else if (/end of JSON/.test(message)) column = line.length + 1;
    else column = null;
  }
  return column === null ? `invalid JSON: ${short}` : `invalid JSON at column ${column}: ${short}`;
}

function columnOutsideStrings(line: string, token: string): number | null {
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === token) {
      return index + 1;
    }
  }
  return null;
}
