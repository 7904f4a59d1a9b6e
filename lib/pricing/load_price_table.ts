import { parsePriceTable, type PriceTableRow } from "./parse_price_table.ts";
import { PriceTableError } from "./price_table_error.ts";

/**
 * Read and validate a dated price table CSV (see `datasets/prices.csv`).
 * Throws {@link PriceTableError} when the file is missing or a row is invalid.
 */
export async function loadPriceTable(path: string): Promise<PriceTableRow[]> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError("loadPriceTable: path must be a non-empty string, e.g. datasets/prices.csv");
  }
  let text: string;
  try {
    text = await Deno.readTextFile(path);
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
  return parsePriceTable(text, path);
}
