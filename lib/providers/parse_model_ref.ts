import { PROVIDER_NAMES, type ProviderName } from "./types.ts";

/** A model reference split into its provider and the provider's model name. */
export interface ModelRef {
  provider: ProviderName;
  /** Model name in the provider's API, e.g. `gpt-4o` or `llama3.1:8b`. */
  model: string;
  /** The reference as given, e.g. `openai:gpt-4o`. */
  ref: string;
}

/**
 * Parse a `provider:model` reference such as `openai:gpt-4o` or `openai-compatible:llama3.1`.
 *
 * Only the first colon separates the provider, so model names that contain colons
 * (`openai-compatible:llama3.1:8b`) keep them. Throws an Error naming the value, the
 * rule and the fix when the reference is malformed or the provider is unknown.
 */
export function parseModelRef(ref: string): ModelRef {
  const rule = `a model reference is "provider:model" with provider one of ${PROVIDER_NAMES.join(", ")}`;

  if (typeof ref !== "string") {
    throw new Error(
      `Invalid model reference ${JSON.stringify(ref)}: expected a string, because ${rule}. ` +
        `Write it like "openai:gpt-4o".`,
    );
  }

  const trimmed = ref.trim();
  const colon = trimmed.indexOf(":");
  if (colon < 0) {
    throw new Error(
      `Invalid model reference "${ref}": the provider prefix is missing, because ${rule}. ` +
        `Write it like "openai:${trimmed || "gpt-4o"}".`,
    );
  }

  const provider = trimmed.slice(0, colon).trim();
  const model = trimmed.slice(colon + 1).trim();

  if (!(PROVIDER_NAMES as readonly string[]).includes(provider)) {
    throw new Error(
      `Invalid model reference "${ref}": unknown provider "${provider}", because ${rule}. ` +
        `Use one of those providers, e.g. "openai:${model || "gpt-4o"}", or ` +
        `"openai-compatible:${model || "llama3.1"}" for a server that speaks the OpenAI Chat Completions API.`,
    );
  }
  if (model.length === 0) {
    throw new Error(
      `Invalid model reference "${ref}": the model name after "${provider}:" is empty, because ${rule}. ` +
        `Add the model name, e.g. "${provider}:${exampleModel(provider as ProviderName)}".`,
    );
  }

  return { provider: provider as ProviderName, model, ref: `${provider}:${model}` };
}

function exampleModel(provider: ProviderName): string {
  switch (provider) {
    case "openai":
      return "gpt-4o";
    case "anthropic":
      return "claude-sonnet-4-5";
    case "google":
      return "gemini-2.5-flash";
    case "openai-compatible":
      return "llama3.1";
  }
}
