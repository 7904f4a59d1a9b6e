import { PROVIDER_NAMES } from "../providers/types.ts";

/** A logged model name resolved to the project's `provider:model` form where possible. */
export interface ResolvedModel {
  model: string;
  provider: string | null;
}

// OpenTelemetry `gen_ai.provider.name` (and the older `gen_ai.system`) values, and the
// short names logs tend to use, for the providers the project prices.
const PROVIDER_ALIASES: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  google: "google",
  gemini: "google",
  "gcp.gemini": "google",
  "gcp.gen_ai": "google",
  "gcp.vertex_ai": "google",
  vertex_ai: "google",
  "openai-compatible": "openai-compatible",
};

// Only used when a log names no provider at all.
const NAME_PREFIXES: [RegExp, string][] = [
  [/^(gpt-|chatgpt-|o1|o3|o4)/i, "openai"],
  [/^claude-/i, "anthropic"],
  [/^(models\/)?gemini-/i, "google"],
];

/**
 * Resolves a logged model name and optional provider name to a model key.
 *
 * A name that already reads `provider:model` with a project provider is kept. Otherwise the
 * provider comes from `providerName` (OpenTelemetry names such as `gcp.gemini` map to
 * `google`), else from the model name's well-known prefix (`gpt-`, `o1`, `o3`, `o4`,
 * `claude-`, `gemini-`). A provider outside the project's list is kept as `provider` but
 * the model stays unprefixed, because no price row can match it.
 */
export function resolveModel(modelName: string, providerName: string | null): ResolvedModel {
  if (typeof modelName !== "string" || modelName.trim() === "") {
    throw new TypeError(`resolveModel: modelName must be a non-empty string, got ${JSON.stringify(modelName)}`);
  }
  const name = modelName.trim();
  const colon = name.indexOf(":");
  if (colon > 0 && (PROVIDER_NAMES as readonly string[]).includes(name.slice(0, colon))) {
    return { model: name, provider: name.slice(0, colon) };
  }
  const providerKey = providerName?.trim().toLowerCase() ?? "";
  if (providerKey !== "") {
    const known = PROVIDER_ALIASES[providerKey];
    return known ? { model: `${known}:${name}`, provider: known } : { model: name, provider: providerKey };
  }
  for (const [pattern, provider] of NAME_PREFIXES) {
    if (pattern.test(name)) return { model: `${provider}:${name}`, provider };
  }
  return { model: name, provider: null };
}
