import { mergePriceOverrides } from "./merge_price_overrides.ts";
import { parsePriceTable, type PriceTableRow } from "./parse_price_table.ts";
import { PriceTableError } from "./price_table_error.ts";

/** Options of {@link loadPriceTable}. */
export interface LoadPriceTableOptions {
  /**
   * Path of a price table CSV with the same columns. Its rows replace the main table's
   * rows of the same provider and model, and rows for other models are added.
   */
  overrides?: string;
}

/**
 * Read and validate a dated price table CSV (see `datasets/prices.csv`), then apply the
 * user's override table when `options.overrides` names one.
 * Throws {@link PriceTableError} when a file is missing or a row is invalid.
 *
 * @example
 * const rows = await loadPriceTable("datasets/prices.csv", { overrides: "my-prices.csv" });
 */
export async function loadPriceTable(path: string, options: LoadPriceTableOptions = {}): Promise<PriceTableRow[]> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError("loadPriceTable: path must be a non-empty string, e.g. datasets/prices.csv");
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError("loadPriceTable: options must be an object such as { overrides: 'my-prices.csv' }");
  }
  const { overrides } = options;
  if (overrides !== undefined && (typeof overrides !== "string" || overrides === "")) {
    throw new TypeError(`loadPriceTable: options.overrides must be the path of a price table CSV, got ${JSON.stringify(overrides)}`);
  }

  const rows = parsePriceTable(await readTable(path), path);
  if (overrides === undefined) return rows;
  return mergePriceOverrides(rows, parsePriceTable(await readTable(overrides), overrides));
}

async function readTable(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    throw new PriceTableError(
      {
        file: path,
        line: 0,
        column: null,
        problem: "cannot be read",
        fix: "pass the path of an existing price table, e.g. datasets/prices.csv",
      },
      { cause: error },
    );
  }
}
