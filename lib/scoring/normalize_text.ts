/** Text normalisation modes of the `exact` and `regex` scorers. */
export const NORMALIZE_MODES = ["none", "trim", "loose", "alnum"] as const;
export type NormalizeMode = (typeof NORMALIZE_MODES)[number];

/**
 * Normalise text before comparison.
 *
 * - `none`: unchanged.
 * - `trim`: leading and trailing whitespace removed.
 * - `loose`: trimmed, Unicode NFC, runs of whitespace collapsed to one space, lower case,
 *   and one trailing `.` removed, so "Paris." and " paris" compare equal.
 * - `alnum`: Unicode NFKC and lower case; thousands separators dropped ("1,234" → "1234");
 *   every run of characters other than letters, digits, marks, a decimal point between
 *   digits and `%` becomes one space. So "**Checkout** (p95)." reads "checkout p95".
 */
export function normalizeText(text: string, mode: NormalizeMode): string {
  if (mode === "none") return text;
  if (mode === "trim") return text.trim();
  if (mode === "loose") return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase().replace(/\.$/, "");
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/[^\p{L}\p{N}\p{M}%.]+/gu, " ")
    // A period stays only between digits, as a decimal point.
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
