import { RowError } from "./row_error.ts";

/** Checks {@link readNumber} applies to a value. */
export interface NumberRule {
  integer?: boolean;
  /** Null when absent instead of a RowError. */
  optional?: boolean;
}

/**
 * Reads a non-negative number from a log field: a JSON number or a numeric string (CSV
 * fields are all strings). Missing values (undefined, null, "") give null when the field
 * is optional. Throws {@link RowError} naming the field for anything else.
 */
export function readNumber(value: unknown, field: string, rule: NumberRule = {}): number | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    if (rule.optional) return null;
    throw new RowError(`${field} is missing`);
  }
  let number = Number.NaN;
  if (typeof value === "number") number = value;
  else if (typeof value === "string") number = Number(value.trim());
  const kind = rule.integer ? "a whole number ≥ 0" : "a number ≥ 0";
  if (!Number.isFinite(number) || number < 0 || (rule.integer && !Number.isInteger(number))) {
    throw new RowError(`${field} is not ${kind}`, value);
  }
  return number;
}
