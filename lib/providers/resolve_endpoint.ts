import { EndpointError } from "./endpoint_error.ts";
import { type Endpoint, PROVIDER_NAMES, type ProviderName } from "./types.ts";

/** How to pick between the real API and the local emulator. */
export type EndpointMode = "auto" | "emulator" | "real";

const ENDPOINT_MODES: readonly EndpointMode[] = ["auto", "emulator", "real"];

/** API key sent to the emulator. It is not a secret: the emulator accepts any key. */
export const EMULATOR_API_KEY = "emulator";

/**
 * Key sent to an OpenAI-compatible server when `OPENAI_COMPATIBLE_API_KEY` is unset.
 * Local servers (vLLM, llama.cpp, Ollama) usually ignore the key, but the OpenAI SDK
 * rejects an empty one.
 */
const UNUSED_API_KEY = "unused";

/** Explicit real base URLs, so SDK environment overrides such as `OPENAI_BASE_URL` cannot redirect a run. */
const REAL_BASE_URLS: Record<Exclude<ProviderName, "openai-compatible">, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  google: "https://generativelanguage.googleapis.com",
};

/**
 * Resolve where requests for `provider` go: the real API or the emulator at `emulatorUrl`.
 *
 * Keys come from `env`: `OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, `GEMINI_API_KEY` (or
 * `GOOGLE_API_KEY`); an OpenAI-compatible server needs `OPENAI_COMPATIBLE_BASE_URL` and takes an
 * optional `OPENAI_COMPATIBLE_API_KEY`. Mode "auto" uses the real API when its key (or base URL)
 * is set, and the emulator otherwise. Mode "real" throws when the variable is missing. Mode
 * "emulator" always uses the emulator. Errors name the variable or value to fix.
 */
export function resolveEndpoint(
  provider: ProviderName,
  env: Record<string, string | undefined>,
  emulatorUrl: string | null,
  mode: EndpointMode,
): Endpoint {
  if (!(PROVIDER_NAMES as readonly string[]).includes(provider)) {
    throw new Error(
      `Unknown provider "${provider}": expected one of ${PROVIDER_NAMES.join(", ")}. Fix the model reference.`,
    );
  }
  if (!ENDPOINT_MODES.includes(mode)) {
    throw new Error(
      `Invalid endpoint mode "${mode}": expected one of ${ENDPOINT_MODES.join(", ")}.`,
    );
  }
  if (env === null || typeof env !== "object") {
    throw new Error("Invalid env: expected an object of environment variables, e.g. Deno.env.toObject().");
  }

  const real = realEndpoint(provider, env);
  if (mode === "real") {
    if (real === null) {
      throw new EndpointError(
        `No real endpoint for provider "${provider}": ${variableHint(provider)} is not set. ` +
          `Set it in the environment, or run in "emulator" or "auto" mode to use the local emulator.`,
        provider,
      );
    }
    return real;
  }
  if (mode === "auto" && real !== null) return real;

  return emulatedEndpoint(provider, emulatorUrl, mode);
}

function realEndpoint(provider: ProviderName, env: Record<string, string | undefined>): Endpoint | null {
  if (provider === "openai-compatible") {
    const baseURL = nonEmpty(env.OPENAI_COMPATIBLE_BASE_URL);
    if (baseURL === null) return null;
    const apiKey = nonEmpty(env.OPENAI_COMPATIBLE_API_KEY) ?? UNUSED_API_KEY;
    return { kind: "real", baseURL: checkedUrl(baseURL, "OPENAI_COMPATIBLE_BASE_URL"), apiKey };
  }

  const apiKey = provider === "google"
    ? nonEmpty(env.GEMINI_API_KEY) ?? nonEmpty(env.GOOGLE_API_KEY)
    : nonEmpty(provider === "openai" ? env.OPENAI_API_KEY : env.ANTHROPIC_API_KEY);
  if (apiKey === null) return null;
  return { kind: "real", baseURL: REAL_BASE_URLS[provider], apiKey };
}

function emulatedEndpoint(provider: ProviderName, emulatorUrl: string | null, mode: EndpointMode): Endpoint {
  if (emulatorUrl === null || emulatorUrl === undefined || emulatorUrl.trim() === "") {
    const why = mode === "auto" ? `${variableHint(provider)} is not set and ` : "";
    throw new EndpointError(
      `No endpoint for provider "${provider}": ${why}no emulator URL was given. ` +
        `Start the emulator and pass its URL, or set ${variableHint(provider)} to use the real API.`,
      provider,
    );
  }

  const root = checkedUrl(emulatorUrl.trim(), "emulator URL").replace(/\/+$/, "");
  const usesV1 = provider === "openai" || provider === "openai-compatible";
  return { kind: "emulated", baseURL: usesV1 ? `${root}/v1` : root, apiKey: EMULATOR_API_KEY };
}

function variableHint(provider: ProviderName): string {
  switch (provider) {
    case "openai":
      return "OPENAI_API_KEY";
    case "anthropic":
      return "ANTHROPIC_API_KEY";
    case "google":
      return "GEMINI_API_KEY (or GOOGLE_API_KEY)";
    case "openai-compatible":
      return "OPENAI_COMPATIBLE_BASE_URL";
  }
}

function nonEmpty(value: string | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function checkedUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new Error(`Invalid ${name} "${value}": not a URL. Write it like "http://127.0.0.1:8080".`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Invalid ${name} "${value}": the scheme must be http or https.`);
  }
  return value;
}
