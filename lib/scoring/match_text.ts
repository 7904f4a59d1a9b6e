import { formatValue } from "./format_value.ts";
import { type NormalizeMode, normalizeText } from "./normalize_text.ts";

/** How an output is matched against an accepted answer. */
export interface MatchOptions {
  normalize: NormalizeMode;
  /** `whole`: the output equals the answer. `contains`: the answer appears in the output as whole words. */
  match: "whole" | "contains";
  /** When set and the answer is a number, compare numbers within this absolute tolerance. */
  tolerance: number | null;
}

/** Outcome of matching one output against the accepted answers. */
export interface MatchResult {
  pass: boolean;
  /** The compared value in words, e.g. `"42"` or `41.8`. */
  got: string;
}

const NUMBER = /[-+]?\d+(?:\.\d+)?/g;

/**
 * Match an output against accepted answers after normalisation. With `tolerance`, an
 * answer that is a number matches the output's numbers: the one number of a `whole`
 * output, or any number of a `contains` output, within the tolerance.
 */
export function matchText(output: string, accepted: readonly string[], options: MatchOptions): MatchResult {
  const got = normalizeText(output, options.normalize);
  const pass = accepted.some((answer) => matchesOne(got, normalizeText(answer, options.normalize), options));
  return { pass, got: formatValue(got) };
}

function matchesOne(got: string, answer: string, options: MatchOptions): boolean {
  if (options.tolerance !== null && isNumber(answer)) {
    const expected = Number(answer.replace(/,/g, ""));
    const numbers = (got.replace(/(\d),(?=\d{3}(?!\d))/g, "$1").match(NUMBER) ?? []).map(Number);
    if (options.match === "whole" && (numbers.length !== 1 || !isNumberLike(got))) return false;
    return numbers.some((value) => Math.abs(value - expected) <= options.tolerance!);
  }
  if (options.match === "whole") return got === answer;
  if (answer === "") return got === "";
  // Whole words: the answer may not start or end inside a word or number of the output.
  const escaped = answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}]|\\.\\d)`, "u").test(got);
}

function isNumber(text: string): boolean {
  return /^[-+]?\d+(?:,\d{3})*(?:\.\d+)?$/.test(text.trim());
}

// A whole output may carry a unit or a percent sign around its one number.
function isNumberLike(text: string): boolean {
  return /^[^\d]{0,12}[-+]?\d[\d,]*(?:\.\d+)?\s*[%\p{L} ]{0,16}$/u.test(text.trim());
}
