import { countTokens } from "gpt-tokenizer";

// Special-token strings such as <|endoftext|> in model output count as plain text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

/**
 * Estimates output tokens with the o200k tokenizer when the server sent no usage.
 *
 * Each text is the whole joined output of one kind (answer, reasoning), counted once:
 * chunk boundaries are not token boundaries, so counting chunk by chunk and adding up
 * would give a different number for the same text. The result is an estimate for models
 * with another tokenizer.
 *
 * @example
 * estimateOutputTokens(["Hello world"]); // 2, while "Hel" + "lo" + " world" count 1 + 1 + 1
 */
export function estimateOutputTokens(texts: readonly string[]): number {
  if (!Array.isArray(texts)) throw new TypeError("estimateOutputTokens: texts must be an array of joined output texts");
  let total = 0;
  for (const text of texts) {
    if (typeof text !== "string") throw new TypeError(`estimateOutputTokens: every text must be a string, got ${typeof text}`);
    if (text.length > 0) total += countTokens(text, ENCODE_OPTIONS);
  }
  return total;
}
