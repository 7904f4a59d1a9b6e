import { type Clock, type Endpoint, monotonicClock, PROVIDER_NAMES, type ProviderAdapter, type ProviderName } from "./types.ts";
import { AnthropicAdapter } from "./anthropic_adapter.ts";
import { GeminiAdapter } from "./gemini_adapter.ts";
import { OpenAIAdapter } from "./openai_adapter.ts";

/** Options of `createAdapter`. */
export interface CreateAdapterOptions {
  /** Clock that stamps every event; defaults to `performance.now()`. */
  clock?: Clock;
}

/**
 * Create the adapter for `provider` that sends requests to `endpoint`. The same SDK code
 * path serves the real API and the emulator; only the base URL and key differ.
 * Throws an Error naming the invalid provider or endpoint field.
 */
export function createAdapter(
  provider: ProviderName,
  endpoint: Endpoint,
  options: CreateAdapterOptions = {},
): ProviderAdapter {
  if (!(PROVIDER_NAMES as readonly string[]).includes(provider)) {
    throw new Error(`Unknown provider "${provider}": expected one of ${PROVIDER_NAMES.join(", ")}.`);
  }
  checkEndpoint(provider, endpoint);
  const clock = options.clock ?? monotonicClock;
  if (typeof clock !== "function") {
    throw new Error("Invalid options.clock: expected a function returning milliseconds, e.g. () => performance.now().");
  }

  switch (provider) {
    case "openai":
    case "openai-compatible":
      return new OpenAIAdapter({ provider, endpoint, clock });
    case "anthropic":
      return new AnthropicAdapter({ endpoint, clock });
    case "google":
      return new GeminiAdapter({ endpoint, clock });
  }
}

function checkEndpoint(provider: ProviderName, endpoint: Endpoint): void {
  if (endpoint === null || typeof endpoint !== "object") {
    throw new Error(`Invalid endpoint for "${provider}": expected { kind, baseURL, apiKey }; build it with resolveEndpoint().`);
  }
  if (endpoint.kind !== "real" && endpoint.kind !== "emulated") {
    throw new Error(`Invalid endpoint.kind ${JSON.stringify(endpoint.kind)} for "${provider}": expected "real" or "emulated".`);
  }
  if (typeof endpoint.apiKey !== "string" || endpoint.apiKey === "") {
    // The key itself is never echoed, even when invalid.
    throw new Error(`Invalid endpoint.apiKey for "${provider}": expected a non-empty string.`);
  }
  if (endpoint.baseURL === undefined) {
    if (provider === "openai-compatible") {
      throw new Error(
        `Missing endpoint.baseURL for "openai-compatible": the server has no default URL. Set OPENAI_COMPATIBLE_BASE_URL.`,
      );
    }
    return;
  }
  try {
    const url = new URL(endpoint.baseURL);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`scheme ${url.protocol}`);
  } catch (cause) {
    throw new Error(
      `Invalid endpoint.baseURL "${endpoint.baseURL}" for "${provider}": expected an http or https URL.`,
      { cause },
    );
  }
}
