import type { PriceTableRow } from "./price_table_row.ts";

/**
 * Merge override rows into a price table: an override replaces the base row with the same
 * provider and model (keeping its position), and an override for a model the base table
 * lacks is appended. The override row is taken whole, so a base row's long-context tier
 * does not survive an override that leaves those columns out.
 */
export function mergePriceOverrides<Row extends PriceTableRow>(base: readonly Row[], overrides: readonly Row[]): Row[] {
  if (!Array.isArray(base) || !Array.isArray(overrides)) {
    throw new TypeError("mergePriceOverrides: base and overrides must both be arrays of price rows");
  }
  const keyOf = (row: Row) => `${row.provider}:${row.model}`;
  const replacements = new Map(overrides.map((row) => [keyOf(row), row]));
  const merged = base.map((row) => replacements.get(keyOf(row)) ?? row);
  const baseKeys = new Set(base.map(keyOf));
  for (const row of overrides) {
    if (!baseKeys.has(keyOf(row))) merged.push(row);
  }
  return merged;
}
