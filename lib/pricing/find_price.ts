import { parseModelRef } from "../providers/parse_model_ref.ts";
import type { PriceRow } from "../runner/manifest.ts";

const ANTHROPIC_DATE_SUFFIX = /-\d{8}$/;
const OPENAI_DATE_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/**
 * Find the price row for a model ref such as `openai:gpt-4o`.
 *
 * Looks for the exact model first, then for the model without a `models/` prefix
 * (Gemini resource names) or a date suffix (`claude-sonnet-4-5-20250929`,
 * `gpt-4o-2024-08-06`). Returns null when no row matches and always for
 * `openai-compatible` models, whose prices the table cannot know. Throws when the
 * ref is not `provider:model`.
 */
export function findPrice<Row extends PriceRow>(rows: readonly Row[], modelRef: string): Row | null {
  if (!Array.isArray(rows)) {
    throw new TypeError("findPrice: rows must be the array loadPriceTable returns (the first argument)");
  }
  const { provider, model } = parseModelRef(modelRef);
  if (provider === "openai-compatible") return null;

  for (const candidate of candidateNames(model)) {
    const row = rows.find((r) => r.provider === provider && r.model === candidate);
    if (row) return row;
  }
  return null;
}

function candidateNames(model: string): string[] {
  const names = [model];
  const bare = model.startsWith("models/") ? model.slice("models/".length) : model;
  if (bare !== model) names.push(bare);
  for (const suffix of [ANTHROPIC_DATE_SUFFIX, OPENAI_DATE_SUFFIX]) {
    const base = bare.replace(suffix, "");
    if (base !== bare && base !== "") names.push(base);
  }
  return names;
}
