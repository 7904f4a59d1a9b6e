import { z } from "zod";
import { PROVIDER_NAMES } from "../providers/types.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { parseCsv } from "./parse_csv.ts";
import { PriceTableError } from "./price_table_error.ts";

/** Columns every price table has, in the order the project's file lists them. */
export const PRICE_TABLE_COLUMNS = [
  "provider",
  "model",
  "input_per_mtok",
  "cached_input_per_mtok",
  "cache_write_per_mtok",
  "output_per_mtok",
  "context_window",
  "max_output",
  "source",
  "as_of",
] as const;

/**
 * A price table row as this module reads it: the shared {@link PriceRow} plus optional
 * columns. `supports_images` is null when the table leaves the cell empty.
 */
export interface PriceTableRow extends PriceRow {
  supports_images?: boolean | null;
}

/** Columns a price table may add after the required ones. */
export const OPTIONAL_PRICE_TABLE_COLUMNS = ["supports_images"] as const;

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^[1-9]\d*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const price = z.string().trim().regex(DECIMAL, "must be a non-negative decimal number").transform(Number);
const optionalPrice = z.string().trim()
  .refine((s) => s === "" || DECIMAL.test(s), "must be empty or a non-negative decimal number")
  .transform((s) => (s === "" ? null : Number(s)));
const optionalCount = z.string().trim()
  .refine((s) => s === "" || INTEGER.test(s), "must be empty or a positive whole number of tokens")
  .transform((s) => (s === "" ? null : Number(s)));
const isoDate = z.string().trim()
  .refine((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "must be a date YYYY-MM-DD");
const optionalBoolean = z.string().trim()
  .refine((s) => s === "" || s === "true" || s === "false", "must be empty, true or false")
  .transform((s) => (s === "" ? null : s === "true"));

const rowSchema = z.object({
  provider: z.enum(PROVIDER_NAMES, { error: `must be one of ${PROVIDER_NAMES.join(", ")}` }),
  model: z.string().trim().regex(MODEL_NAME, "must be a model id without spaces, such as gpt-4o"),
  input_per_mtok: price,
  cached_input_per_mtok: optionalPrice,
  cache_write_per_mtok: optionalPrice,
  output_per_mtok: price,
  context_window: optionalCount,
  max_output: optionalCount,
  source: z.string().trim().min(1, "must name where the prices come from"),
  as_of: isoDate,
  supports_images: optionalBoolean.optional(),
});

const FIXES: Record<string, string> = {
  provider: `write one of ${PROVIDER_NAMES.join(", ")}`,
  model: "write the provider's model id, e.g. claude-sonnet-4-5",
  input_per_mtok: "write USD per million input tokens, e.g. 2.5",
  cached_input_per_mtok: "write USD per million cache-read tokens, or leave it empty when the provider gives no discount",
  cache_write_per_mtok: "write USD per million cache-write tokens, or leave it empty when writes cost the input price",
  output_per_mtok: "write USD per million output tokens, e.g. 10",
  context_window: "write the maximum input tokens as a whole number, or leave it empty",
  max_output: "write the maximum output tokens as a whole number, or leave it empty",
  source: "name the page or file the prices were taken from",
  as_of: "write the date the prices were read, as YYYY-MM-DD",
  supports_images: "write true, false, or leave it empty",
};

/**
 * Parse and validate price table CSV text into rows. Prices are USD per million tokens.
 *
 * An empty `cached_input_per_mtok` or `cache_write_per_mtok` means the provider has no
 * separate price for that bucket, so those tokens cost the input price. Throws
 * {@link PriceTableError} naming the file, line, column and fix for the first bad cell.
 */
export function parsePriceTable(text: string, file: string): PriceTableRow[] {
  if (typeof file !== "string" || file === "") {
    throw new TypeError("parsePriceTable: file must name the table's path for error messages");
  }
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/^line (\d+)/.exec(message)?.[1] ?? 0);
    throw new PriceTableError(
      { file, line, column: null, problem: `is not valid CSV (${message})`, fix: "repair the quoting on that line" },
      { cause: error },
    );
  }
  if (records.length === 0) {
    throw new PriceTableError({
      file,
      line: 0,
      column: null,
      problem: "is empty",
      fix: `start the file with the header ${PRICE_TABLE_COLUMNS.join(",")}`,
    });
  }
  const header = records[0].fields.map((name) => name.trim());
  checkHeader(header, file, records[0].line);

  const rows: PriceTableRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== header.length) {
      throw new PriceTableError({
        file,
        line: record.line,
        column: null,
        problem: `has ${record.fields.length} fields but the header has ${header.length}`,
        fix: "quote fields that contain commas and give every column a value (empty is allowed for optional ones)",
      });
    }
    const raw = Object.fromEntries(header.map((name, i) => [name, record.fields[i]]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue.path[0] ?? "");
      throw new PriceTableError({
        file,
        line: record.line,
        column,
        problem: `value ${JSON.stringify(raw[column] ?? "")} ${issue.message}`,
        fix: FIXES[column] ?? "correct the value",
      });
    }
    const row = parsed.data;
    if (row.cached_input_per_mtok !== null && row.cached_input_per_mtok > row.input_per_mtok) {
      throw new PriceTableError({
        file,
        line: record.line,
        column: "cached_input_per_mtok",
        problem: `cache-read price ${row.cached_input_per_mtok} is above the input price ${row.input_per_mtok}`,
        fix: "check the columns are not swapped; a cache read costs less than plain input",
      });
    }
    const key = `${row.provider}:${row.model}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      throw new PriceTableError({
        file,
        line: record.line,
        column: "model",
        problem: `repeats ${key}, first listed on line ${firstLine}`,
        fix: "keep one row per provider and model",
      });
    }
    seen.set(key, record.line);
    rows.push(row);
  }
  return rows;
}

function checkHeader(header: string[], file: string, line: number): void {
  const known = new Set<string>([...PRICE_TABLE_COLUMNS, ...OPTIONAL_PRICE_TABLE_COLUMNS]);
  for (const name of header) {
    if (!known.has(name)) {
      throw new PriceTableError({
        file,
        line,
        column: name,
        problem: "is not a price table column",
        fix: `use only ${[...known].join(", ")}`,
      });
    }
  }
  for (const name of PRICE_TABLE_COLUMNS) {
    if (!header.includes(name)) {
      throw new PriceTableError({
        file,
        line,
        column: name,
        problem: "is missing from the header",
        fix: `add it; the header must contain ${PRICE_TABLE_COLUMNS.join(",")}`,
      });
    }
  }
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new PriceTableError({ file, line, column: duplicate, problem: "appears twice in the header", fix: "remove one" });
  }
}
