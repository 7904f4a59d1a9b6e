import { countTextTokens, splitIntoPieces } from "./count_tokens.ts";
import type { SeededRandom } from "./seeded_random.ts";

/** A piece of output text as one stream event sends it. */
export interface TextChunk {
  text: string;
  tokens: number;
}

/** A text cut to a token limit, with the exact token count of the text kept. */
export interface CutText {
  text: string;
  tokens: number;
  cut: boolean;
}

/**
 * Cuts a text to at most `limit` tokens. The kept text is re-counted as a whole, so
 * `tokens` is exactly what a tokenizer reports for the text sent.
 */
export function cutToTokenLimit(text: string, limit: number): CutText {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`token limit must be an integer >= 0, got ${limit}`);
  }
  const total = countTextTokens(text);
  if (total <= limit) return { text, tokens: total, cut: false };

  let kept = "";
  let used = 0;
  for (const piece of splitIntoPieces(text)) {
    if (used + piece.tokens <= limit) {
      kept += piece.text;
      used += piece.tokens;
      continue;
    }
    kept += longestPrefixWithin(piece.text, limit - used);
    break;
  }

  // Pre-tokenization at the new end of the text can differ from the pieces of the
  // full text, so trim code points until the whole kept text fits the limit.
  let chars = Array.from(kept);
  let tokens = countTextTokens(kept);
  while (tokens > limit && chars.length > 0) {
    chars = chars.slice(0, -1);
    kept = chars.join("");
    tokens = countTextTokens(kept);
  }
  return { text: kept, tokens, cut: true };
}

/**
 * Splits a text into stream chunks of 1 to 4 tokens each (a single piece longer than 4
 * tokens stays whole). Chunk counts add up to the token count of the whole text.
 */
export function splitIntoChunks(text: string, random: SeededRandom): TextChunk[] {
  const chunks: TextChunk[] = [];
  let current: TextChunk = { text: "", tokens: 0 };
  let target = random.integer(1, 4);
  for (const piece of splitIntoPieces(text)) {
    if (current.tokens > 0 && current.tokens + piece.tokens > target) {
      chunks.push(current);
      current = { text: "", tokens: 0 };
      target = random.integer(1, 4);
    }
    current.text += piece.text;
    current.tokens += piece.tokens;
  }
  if (current.tokens > 0) chunks.push(current);
  return chunks;
}

function longestPrefixWithin(piece: string, budget: number): string {
  if (budget <= 0) return "";
  const chars = Array.from(piece);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countTextTokens(chars.slice(0, middle).join("")) <= budget) low = middle;
    else high = middle - 1;
  }
  return chars.slice(0, low).join("");
}
