import { OPTIONAL_PRICE_TABLE_COLUMNS, PRICE_TABLE_COLUMNS } from "./parse_price_table.ts";
import type { PriceTableRow } from "./price_table_row.ts";

const COLUMNS = [...PRICE_TABLE_COLUMNS, ...OPTIONAL_PRICE_TABLE_COLUMNS] as const;

/**
 * Write price rows as price table CSV text with every required and optional column, in
 * the layout `parsePriceTable` reads back. Null and absent values become empty cells;
 * numbers are written without exponents so the table's decimal rule accepts them.
 */
export function formatPriceTable(rows: readonly PriceTableRow[]): string {
  if (!Array.isArray(rows)) {
    throw new TypeError("formatPriceTable: rows must be an array of price table rows");
  }
  const lines = [COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(COLUMNS.map((name) => formatCell((row as unknown as Record<string, unknown>)[name])).join(","));
  }
  return lines.join("\n") + "\n";
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`formatPriceTable: prices and token counts must be finite and non-negative, got ${value}`);
  }
  const plain = String(value);
  if (!plain.includes("e")) return plain;
  // Tiny prices such as 1e-7 print with an exponent; write them as plain decimals.
  return value.toFixed(20).replace(/\.?0+$/, "");
}
