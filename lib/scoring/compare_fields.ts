import { formatValue } from "./format_value.ts";

/** Options of {@link compareFields}. */
export interface CompareFieldsOptions {
  /** Compare strings without regard to case. Default false. */
  caseInsensitive?: boolean;
}

/** Field-by-field agreement between an output and the expected value. */
export interface FieldComparison {
  /** Expected leaf fields that the output has with an equal value. */
  matched: number;
  /** Expected leaf fields in all. */
  total: number;
  /** One line per wrong or missing field, e.g. `severity: got "high", expected "critical"`. */
  mismatches: string[];
}

const NUMBER_TOLERANCE = 1e-9;

/**
 * Compare `actual` with `expected` leaf by leaf.
 *
 * A leaf is a string, number, boolean, null, empty array or empty object of `expected`.
 * Arrays are compared by index, and a non-empty array's length counts as one more field.
 * Strings are equal after trimming, Unicode NFC and
 * collapsing runs of whitespace (and lower-casing with `caseInsensitive`). Numbers are
 * equal within 1e-9. Fields the output has beyond `expected` are not counted: the
 * JSON schema decides whether they are allowed.
 *
 * @example
 * ```ts
 * compareFields({ a: " x ", b: 2 }, { a: "x", b: 3 });
 * // { matched: 1, total: 2, mismatches: ["b: got 2, expected 3"] }
 * ```
 */
export function compareFields(
  actual: unknown,
  expected: unknown,
  options: CompareFieldsOptions = {},
): FieldComparison {
  const result: FieldComparison = { matched: 0, total: 0, mismatches: [] };
  walk(actual, expected, "", options.caseInsensitive ?? false, result);
  return result;
}

function walk(actual: unknown, expected: unknown, path: string, caseInsensitive: boolean, result: FieldComparison) {
  const container = Array.isArray(expected) ? expected : isObject(expected) ? expected : null;
  if (container !== null && Object.keys(container).length > 0) {
    const actualContainer = Array.isArray(expected) ? (Array.isArray(actual) ? actual : null)
      : (isObject(actual) ? actual : null);
    if (Array.isArray(expected)) checkLength(actual, expected, path, result);
    for (const [key, child] of Object.entries(container)) {
      let childPath = `${path}.${key}`;
      if (Array.isArray(expected)) childPath = `${path}[${key}]`;
      else if (path === "") childPath = key;
      const actualChild = actualContainer === null
        ? undefined
        : (actualContainer as Record<string, unknown>)[key];
      walk(actualChild, child, childPath, caseInsensitive, result);
    }
    return;
  }

  result.total += 1;
  if (leafEqual(actual, expected, caseInsensitive)) {
    result.matched += 1;
    return;
  }
  const label = path === "" ? "(root)" : path;
  const got = actual === undefined ? "missing" : `got ${formatValue(actual)}`;
  result.mismatches.push(`${label}: ${got}, expected ${formatValue(expected)}`);
}

// Without a length check, an output with extra array entries would match every
// expected leaf and pass.
function checkLength(actual: unknown, expected: unknown[], path: string, result: FieldComparison) {
  result.total += 1;
  if (Array.isArray(actual) && actual.length === expected.length) {
    result.matched += 1;
    return;
  }
  const label = path === "" ? "(root)" : path;
  const got = Array.isArray(actual)
    ? `got ${countItems(actual.length)}`
    : actual === undefined
    ? "missing"
    : `got ${formatValue(actual)}`;
  result.mismatches.push(`${label}: ${got}, expected ${countItems(expected.length)}`);
}

function countItems(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

function leafEqual(actual: unknown, expected: unknown, caseInsensitive: boolean): boolean {
  if (typeof expected === "string") {
    return typeof actual === "string" && normalize(actual, caseInsensitive) === normalize(expected, caseInsensitive);
  }
  if (typeof expected === "number") {
    return typeof actual === "number" && Math.abs(actual - expected) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(expected));
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === 0;
  if (isObject(expected)) return isObject(actual) && Object.keys(actual).length === 0;
  return actual === expected;
}

function normalize(text: string, caseInsensitive: boolean): string {
  const collapsed = text.normalize("NFC").trim().replace(/\s+/g, " ");
  return caseInsensitive ? collapsed.toLowerCase() : collapsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
