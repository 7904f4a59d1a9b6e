import type { Grade } from "../runner/record.ts";

/**
 * Return the "no response" grade when `output` is empty or whitespace only, else null.
 *
 * An empty output is reported apart from wrong outputs and never passes, even when the
 * expected output is itself empty.
 */
export function noResponseGrade(output: string): Grade | null {
  if (typeof output !== "string") {
    throw new TypeError(`output must be a string, got ${typeof output}`);
  }
  if (output.trim() !== "") return null;
  return { pass: false, score: 0, no_response: true, reason: "no response" };
}
