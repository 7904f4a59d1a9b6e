import type { PriceTableRow } from "./price_table_row.ts";

/** A rule that a price row breaks, with the column at fault and how to repair it. */
export interface PriceRowIssue {
  column: string;
  problem: string;
  fix: string;
}

/**
 * Check the rules that tie a price row's columns together: cache reads cost no more than
 * plain input on each tier, and a long-context tier is complete. Returns the first rule
 * broken, or null when the row is consistent. Single cells are checked by the table parser.
 */
export function checkPriceRow(row: PriceTableRow): PriceRowIssue | null {
  if (row === null || typeof row !== "object") {
    throw new TypeError("checkPriceRow: row must be a price table row object");
  }
  if (row.cached_input_per_mtok !== null && row.cached_input_per_mtok > row.input_per_mtok) {
    return {
      column: "cached_input_per_mtok",
      problem: `cache-read price ${row.cached_input_per_mtok} is above the input price ${row.input_per_mtok}`,
      fix: "check the columns are not swapped; a cache read costs less than plain input",
    };
  }
  return checkLongContextTier(row);
}

function checkLongContextTier(row: PriceTableRow): PriceRowIssue | null {
  const threshold = row.long_context_threshold_tokens ?? null;
  const longColumns = [
    "input_per_mtok_long",
    "cached_input_per_mtok_long",
    "cache_write_per_mtok_long",
    "output_per_mtok_long",
  ] as const;
  if (threshold === null) {
    const stray = longColumns.find((name) => (row[name] ?? null) !== null);
    if (stray === undefined) return null;
    return {
      column: "long_context_threshold_tokens",
      problem: `is empty but ${stray} is set`,
      fix: "write the input-token count above which the long-context prices apply, e.g. 200000",
    };
  }

  for (const name of ["input_per_mtok_long", "output_per_mtok_long"] as const) {
    if ((row[name] ?? null) === null) {
      return {
        column: name,
        problem: `is empty but long_context_threshold_tokens is ${threshold}`,
        fix: "write the price that applies to the whole request above the threshold",
      };
    }
  }
  const inputLong = row.input_per_mtok_long as number;
  const cachedLong = row.cached_input_per_mtok_long ?? null;
  if (cachedLong !== null && cachedLong > inputLong) {
    return {
      column: "cached_input_per_mtok_long",
      problem: `long-context cache-read price ${cachedLong} is above the long-context input price ${inputLong}`,
      fix: "check the columns are not swapped; a cache read costs less than plain input",
    };
  }
  // Without these, long-tier cache tokens would fall back to the long input price and be overbilled.
  if (row.cached_input_per_mtok !== null && cachedLong === null) {
    return {
      column: "cached_input_per_mtok_long",
      problem: "is empty although the base tier has a cache-read price",
      fix: "write the cache-read price that applies above the threshold",
    };
  }
  if (row.cache_write_per_mtok !== null && (row.cache_write_per_mtok_long ?? null) === null) {
    return {
      column: "cache_write_per_mtok_long",
      problem: "is empty although the base tier has a cache-write price",
      fix: "write the cache-write price that applies above the threshold",
    };
  }
  return null;
}
