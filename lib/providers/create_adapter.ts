import { type Clock, type Endpoint, monotonicClock, PROVIDER_NAMES, type ProviderAdapter, type ProviderName } from "./types.ts";
import { AnthropicAdapter } from "./anthropic_adapter.ts";
import { GeminiAdapter } from "./gemini_adapter.ts";
import { OpenAIAdapter } from "./openai_adapter.ts";
import { FetchTransport, type HttpTransport, TRANSPORT_NAMES, type TransportName } from "./http_transport.ts";
import { SocketTransport } from "./socket_transport.ts";

/** Options of `createAdapter`. */
export interface CreateAdapterOptions {
  /** Clock that stamps every event; defaults to `performance.now()`. */
  clock?: Clock;
  /**
   * Transport under the SDK: `socket` (the project's HTTP/1.1 client, which stamps send and
   * arrival times at the socket) or `fetch` (the runtime's). Default: `socket` for the
   * emulator and `http:` endpoints such as local servers, and `fetch` for `https:` ones and
   * when an HTTP proxy applies, where network delay dwarfs the difference and `fetch` brings
   * HTTP/2, proxies and compression.
   */
  transport?: TransportName;
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

  if (options.transport !== undefined && !(TRANSPORT_NAMES as readonly string[]).includes(options.transport)) {
    throw new Error(`Invalid options.transport ${JSON.stringify(options.transport)}: expected one of ${TRANSPORT_NAMES.join(", ")}.`);
  }
  const transportName = options.transport ?? defaultTransport(endpoint);
  const transport: HttpTransport = transportName === "socket" ? new SocketTransport(clock) : new FetchTransport(clock);

  switch (provider) {
    case "openai":
    case "openai-compatible":
      return new OpenAIAdapter({ provider, endpoint, clock, transport });
    case "anthropic":
      return new AnthropicAdapter({ endpoint, clock, transport });
    case "google":
      return new GeminiAdapter({ endpoint, clock, transport });
  }
}

/**
 * Returns `socket` for the emulator and for plain-http endpoints reached directly, `fetch`
 * otherwise (see `CreateAdapterOptions.transport`). The emulator always listens on
 * 127.0.0.1, which no proxy setting should route elsewhere.
 */
export function defaultTransport(endpoint: Endpoint): TransportName {
  if (endpoint.kind === "emulated") return "socket";
  if (endpoint.baseURL === undefined) return "fetch";
  const url = new URL(endpoint.baseURL);
  if (url.protocol !== "http:") return "fetch";
  return proxyApplies(url.hostname) ? "fetch" : "socket";
}

/** True when HTTP_PROXY or ALL_PROXY is set and NO_PROXY does not exempt `hostname`, as `fetch` decides. */
function proxyApplies(hostname: string): boolean {
  const read = (name: string) => {
    try {
      return Deno.env.get(name) ?? Deno.env.get(name.toLowerCase()) ?? "";
    } catch {
      // Without permission to read the environment, no proxy can be configured through it either.
      return "";
    }
  };
  if (read("HTTP_PROXY") === "" && read("ALL_PROXY") === "") return false;
  const exempt = read("NO_PROXY").split(",").map((entry) => entry.trim().toLowerCase().replace(/^\*?\./, "")).filter(Boolean);
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return !exempt.some((entry) => entry === "*" || host === entry || host.endsWith(`.${entry}`));
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
