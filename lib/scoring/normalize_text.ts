/** Text normalisation modes of the `exact` and `regex` scorers. */
export const NORMALIZE_MODES = ["none", "trim", "loose"] as const;
export type NormalizeMode = (typeof NORMALIZE_MODES)[number];

/**
 * Normalise text before comparison.
 *
 * - `none`: unchanged.
 * - `trim`: leading and trailing whitespace removed.
 * - `loose`: trimmed, Unicode NFC, runs of whitespace collapsed to one space, lower case,
 *   and one trailing `.` removed, so "Paris." and " paris" compare equal.
 */
export function normalizeText(text: string, mode: NormalizeMode): string {
  if (mode === "none") return text;
  if (mode === "trim") return text.trim();
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase().replace(/\.$/, "");
}
