import { countTokens as countO200k } from "gpt-tokenizer";
import { IMAGE_INPUT_TOKENS } from "../emulator/count_tokens.ts";
import type { Message } from "../providers/types.ts";

/** A token count and where it came from: the local o200k tokenizer or the provider's endpoint. */
export interface TokenCount {
  tokens: number;
  source: "estimate" | "provider";
}

// Special-token strings such as <|endoftext|> in user text count as plain text instead of throwing.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };

/**
 * Estimate the input tokens of a text or of chat messages with the o200k tokenizer
 * (`gpt-tokenizer`), the encoding of the GPT-4o family. Each text segment is counted on
 * its own and each image counts 765 tokens, as the emulator counts them. Other providers'
 * tokenizers differ, and chat formatting adds a few tokens per message, so the result is
 * labelled `estimate`. `countProviderTokens` returns a provider's own count.
 */
export function countTokens(input: string | readonly Message[]): TokenCount {
  if (typeof input === "string") return { tokens: countText(input), source: "estimate" };
  if (!Array.isArray(input)) {
    throw new TypeError(`input must be a string or an array of messages, got ${input === null ? "null" : typeof input}`);
  }
  let tokens = 0;
  for (const [index, message] of input.entries()) {
    const content = message?.content;
    if (typeof content === "string") {
      tokens += countText(content);
    } else if (Array.isArray(content)) {
      for (const part of content) tokens += part.type === "text" ? countText(part.text) : IMAGE_INPUT_TOKENS;
    } else {
      throw new TypeError(`messages[${index}].content must be a string or a list of parts, got ${typeof content}`);
    }
  }
  return { tokens, source: "estimate" };
}

function countText(text: string): number {
  return text === "" ? 0 : countO200k(text, ENCODE_OPTIONS);
}
