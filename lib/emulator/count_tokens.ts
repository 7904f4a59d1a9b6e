import { countTokens } from "gpt-tokenizer";
import { O200K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";

/**
 * Input tokens counted for one image, whatever its size. 765 is OpenAI's published cost of
 * a 1024×1024 image at high detail (85 base tokens plus 170 for each of four 512-pixel tiles).
 */
export const IMAGE_INPUT_TOKENS = 765;

// Special-token strings such as <|endoftext|> in user text count as plain text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

const PIECE_CACHE_LIMIT = 50_000;
const pieceCounts = new Map<string, number>();

/** Counts the o200k tokens of a text. */
export function countTextTokens(text: string): number {
  if (text.length === 0) return 0;
  return countTokens(text, ENCODE_OPTIONS);
}

/**
 * Splits a text into o200k pre-tokenizer pieces with their token counts. BPE never
 * merges across these pieces, so the counts add up to the token count of the whole text.
 */
export function splitIntoPieces(text: string): Array<{ text: string; tokens: number }> {
  const pieces = text.match(new RegExp(O200K_TOKEN_SPLIT_REGEX.source, "gu")) ?? [];
  return pieces.map((piece) => ({ text: piece, tokens: countPiece(piece) }));
}

function countPiece(piece: string): number {
  const cached = pieceCounts.get(piece);
  if (cached !== undefined) return cached;
  const tokens = countTextTokens(piece);
  if (pieceCounts.size >= PIECE_CACHE_LIMIT) pieceCounts.clear();
  pieceCounts.set(piece, tokens);
  return tokens;
}
