import type { DatasetItem } from "./schema.ts";

/**
 * Format a dataset item as one JSONL line in the style of the built-in files: keys in
 * schema order and `", "` / `": "` separators, so generated files diff cleanly.
 */
export function formatItemLine(item: DatasetItem): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ["id", "kind", "messages", "reference", "distractor", "scorer", "tags", "generator", "expect_error"]) {
    const value = (item as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  return stringify(ordered);
}

function stringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringify).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, child]) => child !== undefined);
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}: ${stringify(child)}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}
