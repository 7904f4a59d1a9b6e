import type { MimeBundle } from "./notebook_types.ts";

/** Options of `textBundle` and `displayText`. */
export interface TextDisplayOptions {
  /** `markdown` renders the text as Markdown; `plain` shows it as preformatted text. Default `plain`. */
  format?: "markdown" | "plain";
  /** Maximum characters kept before the text is cut. Default 5,000. */
  maxChars?: number;
  /** Maximum lines kept before the text is cut. Default 200. */
  maxLines?: number;
}

const DEFAULT_MAX_CHARS = 5_000;
const DEFAULT_MAX_LINES = 200;
const NUMBER_FORMAT = new Intl.NumberFormat("en-US");

/**
 * Builds the MIME bundle for a long text or Markdown: the text cut to `maxLines` and
 * `maxChars`, followed by a note such as "truncated: showing 200 of 1,532 lines" when cut.
 * A Markdown code fence left open by the cut is closed so the note renders as text.
 */
export function textBundle(text: string, options: TextDisplayOptions = {}): MimeBundle {
  if (typeof text !== "string") throw new TypeError(`textBundle: text must be a string, got ${typeof text}`);
  const format = options.format ?? "plain";
  if (format !== "markdown" && format !== "plain") {
    throw new RangeError(`textBundle: format must be "markdown" or "plain", got ${JSON.stringify(format)}`);
  }
  const maxChars = checkLimit("maxChars", options.maxChars ?? DEFAULT_MAX_CHARS);
  const maxLines = checkLimit("maxLines", options.maxLines ?? DEFAULT_MAX_LINES);

  const { kept, note } = truncate(text, maxChars, maxLines);
  if (format === "plain") {
    return { "text/plain": note === undefined ? kept : `${kept}\n… ${note}` };
  }
  const markdown = note === undefined ? kept : `${closeOpenFence(kept)}\n\n*… ${note}*`;
  return { "text/markdown": markdown, "text/plain": note === undefined ? kept : `${kept}\n… ${note}` };
}

function checkLimit(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`textBundle: ${name} must be a whole number ≥ 1, got ${value}`);
  }
  return value;
}

function truncate(text: string, maxChars: number, maxLines: number): { kept: string; note?: string } {
  const lines = text.split("\n");
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines).join("\n");
    if (kept.length <= maxChars) {
      return { kept, note: `truncated: showing ${count(maxLines)} of ${count(lines.length)} lines` };
    }
  }
  if (text.length <= maxChars) return { kept: text };
  let end = maxChars;
  // Never split a surrogate pair, which would leave an invalid character at the cut.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { kept: text.slice(0, end), note: `truncated: showing ${count(end)} of ${count(text.length)} characters` };
}

function closeOpenFence(markdown: string): string {
  const fences = markdown.match(/^ {0,3}(```|~~~)/gm) ?? [];
  if (fences.length % 2 === 0) return markdown;
  const fence = fences[fences.length - 1].trim();
  return `${markdown}\n${fence}`;
}

function count(value: number): string {
  return NUMBER_FORMAT.format(value);
}
