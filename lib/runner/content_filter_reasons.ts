/**
 * Finish reasons that mean a safety or policy filter stopped or replaced the output:
 * OpenAI `content_filter`, Anthropic `refusal`, and Gemini's `SAFETY`, `PROHIBITED_CONTENT`,
 * `BLOCKLIST`, `SPII`, `RECITATION`, `IMAGE_SAFETY`, `IMAGE_PROHIBITED_CONTENT` (Gemini also
 * reports a blocked prompt's `blockReason` as the finish reason, with the same names plus
 * `OTHER`, which is left out here because it is also a generic finish reason).
 */
export const CONTENT_FILTER_REASONS: ReadonlySet<string> = new Set([
  "content_filter",
  "refusal",
  "SAFETY",
  "PROHIBITED_CONTENT",
  "BLOCKLIST",
  "SPII",
  "RECITATION",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
]);
