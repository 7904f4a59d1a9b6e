import { formatValue } from "./format_value.ts";

/** Result of reading JSON from a model output. */
export type JsonExtraction =
  | { ok: true; value: unknown; fenced: boolean }
  | { ok: false; reason: string };

// A fence counts only when it wraps the whole trimmed output, opening it and closing it.
// So backticks inside a JSON string value and fences inside prose never mark the JSON.
const WHOLE_FENCE = /^```([A-Za-z0-9_+-]*)[ \t]*(?:\r?\n)?([\s\S]*?)\s*```$/;
const PREVIEW_CHARS = 40;

/**
 * Read the JSON value of a model output.
 *
 * The output must be JSON alone, or JSON in one ```json (or bare ```) fence that wraps
 * the whole output; surrounding whitespace is allowed. Any other text around the JSON
 * makes it an invalid format.
 *
 * @example
 * ```ts
 * extractJson('```json\n{"a": 1}\n```'); // { ok: true, value: { a: 1 }, fenced: true }
 * extractJson('Sure! {"a": 1}'); // { ok: false, reason: "invalid format: …" }
 * ```
 */
export function extractJson(output: string): JsonExtraction {
  if (typeof output !== "string") {
    throw new TypeError(`output must be a string, got ${typeof output}`);
  }
  const text = output.trim();

  if (text.startsWith("```")) {
    const fence = text.match(WHOLE_FENCE);
    if (!fence) {
      return {
        ok: false,
        reason: "invalid format: text after the closing ``` fence; expected the fence to wrap the whole output",
      };
    }
    const language = fence[1].toLowerCase();
    if (language !== "" && language !== "json") {
      return { ok: false, reason: `invalid format: fence language is "${fence[1]}", expected json` };
    }
    return parse(fence[2], true);
  }

  if (text.startsWith("{") || text.startsWith("[")) return parse(text, false);

  const preview = formatValue(text.slice(0, PREVIEW_CHARS));
  const where = text.includes("```") ? "text before the ``` fence" : "output is not JSON";
  return { ok: false, reason: `invalid format: ${where} (output starts with ${preview})` };
}

function parse(text: string, fenced: boolean): JsonExtraction {
  try {
    return { ok: true, value: JSON.parse(text), fenced };
  } catch (error) {
    const where = fenced ? " inside the fence" : "";
    return { ok: false, reason: `invalid JSON${where}: ${(error as Error).message}` };
  }
}
