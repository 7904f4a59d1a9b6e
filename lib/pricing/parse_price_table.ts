import { checkPriceRow } from "./check_price_row.ts";
import { parseCsv } from "./parse_csv.ts";
import { PRICE_COLUMN_FIXES, priceRowSchema } from "./price_row_schema.ts";
import { PriceTableError } from "./price_table_error.ts";
import type { PriceTableRow } from "./price_table_row.ts";

export type { LongContextPrices, PriceTableRow } from "./price_table_row.ts";

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

/** Columns a price table may add after the required ones; tables without them still load. */
export const OPTIONAL_PRICE_TABLE_COLUMNS = [
  "supports_images",
  "long_context_threshold_tokens",
  "input_per_mtok_long",
  "cached_input_per_mtok_long",
  "cache_write_per_mtok_long",
  "output_per_mtok_long",
] as const;

/**
 * Parse and validate price table CSV text into rows. Prices are USD per million tokens.
 *
 * An empty `cached_input_per_mtok` or `cache_write_per_mtok` means the provider has no
 * separate price for that bucket, so those tokens cost the input price. The optional
 * long-context columns describe a second tier (see {@link PriceTableRow}); a row that sets
 * `long_context_threshold_tokens` must also set the long input and output prices. Throws
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
    const parsed = priceRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue.path[0] ?? "");
      throw new PriceTableError({
        file,
        line: record.line,
        column,
        problem: `value ${JSON.stringify(raw[column] ?? "")} ${issue.message}`,
        fix: PRICE_COLUMN_FIXES[column] ?? "correct the value",
      });
    }
    const row: PriceTableRow = parsed.data;
    const issue = checkPriceRow(row);
    if (issue !== null) throw new PriceTableError({ file, line: record.line, ...issue });
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
