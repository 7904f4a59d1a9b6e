/**
 * Words a summary may capitalise mid-sentence without the source naming them: acronyms
 * of the trade and calendar words.
 */
const COMMON_CAPITALISED = new Set([
  "i", "api", "apis", "http", "https", "json", "sdk", "sdks", "url", "urls", "id", "ids", "ui", "cli", "cpu", "gpu",
  "ram", "tls", "ssl", "dns", "sql", "utc", "rest", "ci", "cd", "qa", "ok", "faq", "eta", "rca", "sla", "slo",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);
const MONTHS = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december",
];
const NUMBER_WORDS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];
const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, billion: 1e9 };

const VERSION = /\bv?(\d+(?:\.\d+){2,}(?:-[0-9A-Za-z.]+)?)\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTH_DAY = new RegExp(`\\b(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?\\s+(\\d{1,2})\\b`, "gi");
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\b`, "gi");
const NUMBER = /(?<![\p{L}\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(k|thousand|m|million|b|billion)\b)?/giu;

/**
 * Find the statements of a summary that its source does not support: version strings,
 * dates, numbers and capitalised names that do not occur in the source.
 *
 * Numbers compare by value, so "1,200" matches "1200", "05" matches "5" and "4.2 million"
 * matches "4,200,000". Number words up to twenty in the source count as numbers. Dates
 * compare by month and day. A capitalised word that does not start a sentence counts as
 * a name and must occur in the source (case-insensitively) unless it is a common acronym
 * or listed in `allow`. Returns each unsupported token once, in order of appearance.
 */
export function findUnsupported(summary: string, source: string, allow: readonly string[] = []): string[] {
  if (typeof summary !== "string" || typeof source !== "string") {
    throw new TypeError("summary and source must be strings");
  }
  const allowed = new Set(allow.map((token) => token.toLowerCase()));
  const found: string[] = [];
  const flag = (token: string) => {
    if (!allowed.has(token.toLowerCase()) && !found.includes(token)) found.push(token);
  };

  const sourceVersions = new Set([...source.matchAll(VERSION)].map((match) => match[1]));
  const sourceDates = collectDates(source);
  const sourceNumbers = collectNumbers(source);
  const sourceWords = new Set(source.toLowerCase().match(/[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*/gu) ?? []);

  let rest = summary;
  for (const match of summary.matchAll(VERSION)) {
    if (!sourceVersions.has(match[1])) flag(match[0]);
  }
  rest = rest.replace(VERSION, " ");
  for (const date of findDates(rest)) {
    if (!sourceDates.has(date.monthDay)) flag(date.text);
  }
  rest = rest.replace(ISO_DATE, " ").replace(MONTH_DAY, " ").replace(DAY_MONTH, " ");
  for (const number of findNumbers(rest)) {
    if (!number.values.some((value) => sourceNumbers.has(value))) flag(number.text);
  }
  for (const name of findNames(summary)) {
    const lower = name.toLowerCase();
    if (COMMON_CAPITALISED.has(lower) || MONTHS.includes(lower) || sourceWords.has(lower)) continue;
    // A plural of a source word ("POSTs" for "POST") is supported too.
    if (/s$/.test(lower) && sourceWords.has(lower.slice(0, -1))) continue;
    flag(name);
  }
  return found;
}

interface FoundDate {
  text: string;
  /** `MM-DD`. */
  monthDay: string;
}

function findDates(text: string): FoundDate[] {
  const dates: FoundDate[] = [];
  for (const match of text.matchAll(ISO_DATE)) dates.push({ text: match[0], monthDay: `${match[2]}-${match[3]}` });
  for (const match of text.matchAll(MONTH_DAY)) dates.push({ text: match[0], monthDay: monthDay(match[1], match[2]) });
  for (const match of text.matchAll(DAY_MONTH)) dates.push({ text: match[0], monthDay: monthDay(match[2], match[1]) });
  return dates;
}

function collectDates(text: string): Set<string> {
  return new Set(findDates(text).map((date) => date.monthDay));
}

function monthDay(month: string, day: string): string {
  const index = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  return `${String(index + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function findNumbers(text: string): Array<{ text: string; values: number[] }> {
  return [...text.matchAll(NUMBER)].map((match) => {
    const base = Number(`${match[1].replaceAll(",", "")}${match[2] ? `.${match[2]}` : ""}`);
    const scale = match[3] ? SCALES[match[3].toLowerCase()] : undefined;
    const values = scale === undefined ? [base] : [base, round(base * scale)];
    return { text: match[0].trim(), values };
  });
}

function collectNumbers(text: string): Set<number> {
  const values = new Set<number>();
  // Every digit run counts, including the parts of versions, dates and times.
  for (const run of text.match(/\d+(?:\.\d+)?/g) ?? []) values.add(Number(run));
  for (const number of findNumbers(text)) number.values.forEach((value) => values.add(value));
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const index = NUMBER_WORDS.indexOf(word);
    if (index >= 0) values.add(index);
  }
  return values;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

// A capitalised word counts as a name unless it starts the text, a sentence, a line or a list item.
function findNames(text: string): string[] {
  const names: string[] = [];
  const word = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
  for (const match of text.matchAll(word)) {
    if (!/^\p{Lu}/u.test(match[0])) continue;
    const before = text.slice(0, match.index).replace(/[\s"'“‘(*_`]+$/u, "");
    const startsSentence = before === "" || /[.!?:;\n]$/.test(before) || /(^|\n)\s*([-*•]|\d+[.)])$/.test(before);
    if (startsSentence) continue;
    names.push(match[0].replace(/['’]s$/, "").replace(/-+$/, ""));
  }
  return names;
}
