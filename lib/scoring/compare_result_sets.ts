import { formatValue } from "./format_value.ts";

/** Columns and rows of one query result; each row is an array of values. */
export interface ResultSet {
  columns: string[];
  rows: unknown[][];
}

/** Outcome of {@link compareResultSets}. */
export interface ResultSetComparison {
  equal: boolean;
  /** Description of the difference, e.g. "rows differ: got 3 rows, expected 4", or "results are equal". */
  reason: string;
}

const RELATIVE_TOLERANCE = 1e-9;

/**
 * Compare a query result with the expected one.
 *
 * Column names are ignored, so only the column count and the values decide. Numbers are
 * equal within a relative 1e-9, so `3` equals `3.0` and `AVG` rounding noise is ignored.
 * Other values must be identical, and NULL equals NULL. Row order counts only with
 * `orderMatters`; otherwise the rows are compared as multisets.
 */
export function compareResultSets(actual: ResultSet, expected: ResultSet, orderMatters: boolean): ResultSetComparison {
  if (actual.columns.length !== expected.columns.length) {
    return {
      equal: false,
      reason: `columns differ: got ${actual.columns.length} (${actual.columns.join(", ")}), ` +
        `expected ${expected.columns.length} (${expected.columns.join(", ")})`,
    };
  }
  if (actual.rows.length !== expected.rows.length) {
    return { equal: false, reason: `rows differ: got ${actual.rows.length} rows, expected ${expected.rows.length}` };
  }

  const sortedActual = [...actual.rows].sort(compareRows);
  const sortedExpected = [...expected.rows].sort(compareRows);
  const sameMultiset = sortedActual.every((row, index) => rowsEqual(row, sortedExpected[index]));

  if (!sameMultiset) {
    const unexpected = actual.rows.find((row) => !expected.rows.some((other) => rowsEqual(row, other)));
    const missing = expected.rows.find((row) => !actual.rows.some((other) => rowsEqual(row, other)));
    const parts = [];
    if (unexpected) parts.push(`got row ${formatValue(unexpected)} that is not expected`);
    if (missing) parts.push(`expected row ${formatValue(missing)} is missing`);
    if (parts.length === 0) parts.push("the same rows occur a different number of times");
    return { equal: false, reason: `rows differ: ${parts.join("; ")}` };
  }

  if (orderMatters) {
    const index = actual.rows.findIndex((row, position) => !rowsEqual(row, expected.rows[position]));
    if (index !== -1) {
      return {
        equal: false,
        reason: `same rows in a different order: row ${index + 1} is ${formatValue(actual.rows[index])}, ` +
          `expected ${formatValue(expected.rows[index])}`,
      };
    }
  }
  return { equal: true, reason: "results are equal" };
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

function rowsEqual(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => valuesEqual(value, b[index]));
}

// Numbers are rounded to 9 significant digits for sorting, so two values that are equal
// within the tolerance sort to the same place.
function sortKey(row: unknown[]): string {
  return JSON.stringify(row.map((value) => typeof value === "number" ? ["n", Number(value.toPrecision(9))] : [typeof value, value]));
}

function compareRows(a: unknown[], b: unknown[]): number {
  const keyA = sortKey(a);
  const keyB = sortKey(b);
  if (keyA === keyB) return 0;
  return keyA < keyB ? -1 : 1;
}
