import { createHash } from "node:crypto";
import type { Message } from "../providers/types.ts";

/**
 * Returns the SHA-256 (hex) of everything that shapes a response: model ref, messages,
 * output limit and temperature. Two trials with the same hash sent the same request, which
 * makes it the key of the rescore cache.
 */
export function requestSha256(model: string, messages: readonly Message[], maxOutputTokens: number, temperature: number): string {
  if (typeof model !== "string" || model === "") throw new TypeError("requestSha256: model must be a non-empty model ref");
  if (!Array.isArray(messages)) throw new TypeError("requestSha256: messages must be an array");
  const canonical = JSON.stringify({ model, messages, max_output_tokens: maxOutputTokens, temperature });
  return createHash("sha256").update(canonical).digest("hex");
}
