import { type Thresholds, thresholdsSchema } from "./thresholds.ts";

/**
 * Reads and validates a thresholds JSON file, e.g.
 * `{"max_p95_ms": 4000, "max_error_rate": 0.05, "models": {"openai:gpt-4o": {"max_p95_ms": 2500}}}`.
 * Throws an Error naming the file, the field and the rule.
 */
export async function loadThresholds(path: string): Promise<Thresholds> {
  if (typeof path !== "string" || path === "") throw new TypeError("loadThresholds: path must be a thresholds JSON file");
  let json: unknown;
  try {
    json = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    throw new Error(`thresholds file ${path} cannot be read as JSON (${(error as Error).message}). Fix: pass a JSON file.`, {
      cause: error,
    });
  }
  const result = thresholdsSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "(root)");
  throw new Error(
    `thresholds file ${path}: field "${field}" is invalid: ${issue.message}. Fix: use max_p95_ms, max_ttft_p95_ms ` +
      `(ms > 0), max_error_rate, min_pass_rate (0 to 1), and models: {"provider:model": {...}}.`,
    { cause: result.error },
  );
}
