import { anthropicApi, handleAnthropicModels, handleCountTokens, handleMessages } from "./anthropic_api.ts";
import { readForcedFault } from "./choose_fault.ts";
import { EmulatorRequestError } from "./emulator_request_error.ts";
import { RETRY_AFTER_HEADER } from "./fault_kinds.ts";
import { InjectedFaultError } from "./injected_fault_error.ts";
import { GEMINI_METHOD_PATH, geminiApi, handleGeminiMethod, handleGeminiModels } from "./gemini_api.ts";
import { handleChatCompletions, handleOpenAiModels, openaiApi } from "./openai_api.ts";
import type { ProviderApi, RouteContext, RouteHandler } from "./provider_api.ts";
import type { ReplyEngine } from "./reply_engine.ts";
import { jsonResponse, randomId } from "./route_helpers.ts";
import { waitUntil } from "./timed_event_stream.ts";

/**
 * One served request as reported to `onRequest`, which is called when the response headers
 * are ready (`event: "response"`) and again if the client disconnects before a streamed
 * body is fully sent (`event: "disconnect"`). An entry never contains the API key.
 */
export interface RequestLogEntry {
  event: "response" | "disconnect";
  requestId: string;
  method: string;
  /** URL path without the query string (Gemini clients may put the key there). */
  path: string;
  status: number;
  model: string | null;
  /** Milliseconds from arrival until the headers were ready, or until the disconnect. */
  durationMs: number;
  /** Message of an unexpected failure (status 500), else null. */
  error: string | null;
}

interface Route {
  api: ProviderApi;
  handler: RouteHandler;
  matches(method: string, url: URL, request: Request): boolean;
}

const isGeminiKeyed = (request: Request, url: URL) =>
  request.headers.has("x-goog-api-key") || url.searchParams.has("key");

const ROUTES: Route[] = [
  {
    api: openaiApi,
    handler: handleChatCompletions,
    matches: (method, url) => method === "POST" && url.pathname === "/v1/chat/completions",
  },
  {
    api: anthropicApi,
    handler: handleMessages,
    matches: (method, url) => method === "POST" && url.pathname === "/v1/messages",
  },
  {
    api: anthropicApi,
    handler: handleCountTokens,
    matches: (method, url) => method === "POST" && url.pathname === "/v1/messages/count_tokens",
  },
  {
    api: geminiApi,
    handler: handleGeminiMethod,
    matches: (method, url) => method === "POST" && GEMINI_METHOD_PATH.test(url.pathname),
  },
  {
    api: anthropicApi,
    handler: handleAnthropicModels,
    matches: (method, url, request) =>
      method === "GET" && url.pathname === "/v1/models" && request.headers.has("anthropic-version"),
  },
  {
    api: geminiApi,
    handler: handleGeminiModels,
    matches: (method, url, request) =>
      method === "GET" &&
      (url.pathname === "/v1beta/models" || (url.pathname === "/v1/models" && isGeminiKeyed(request, url))),
  },
  {
    api: openaiApi,
    handler: handleOpenAiModels,
    matches: (method, url) => method === "GET" && url.pathname === "/v1/models",
  },
];

/**
 * Creates the server's request handler: matches the route, checks the API key, runs the
 * handler and renders any failure in the matched provider's error shape, injected faults
 * included (`x-emulator-fault` header or a profile's fault rates). Every response carries
 * `x-emulated: true`.
 */
export function createRequestHandler(
  engine: ReplyEngine,
  options: { closeSignal: AbortSignal; streams: { active: number }; onRequest?: (entry: RequestLogEntry) => void },
): (request: Request) => Promise<Response> {
  return async (request) => {
    const startedAt = performance.now();
    const url = new URL(request.url);
    const route = ROUTES.find((candidate) => candidate.matches(request.method, url, request));
    const api = route?.api ?? guessApi(request, url);
    const requestId = `req_${randomId(24)}`;
    let model: string | null = null;
    let failure: string | null = null;
    let response: Response | null = null;
    const entry = (event: RequestLogEntry["event"]): RequestLogEntry => ({
      event,
      requestId,
      method: request.method,
      path: url.pathname,
      status: response?.status ?? 200,
      model,
      durationMs: performance.now() - startedAt,
      error: failure,
    });
    const context: RouteContext = {
      engine,
      url,
      startedAt,
      // request.signal is not used: in Deno 2 it also aborts after every successful
      // response and reading it prints a warning. Streams see disconnects via cancel().
      signal: options.closeSignal,
      requestId,
      startStream: () => {
        options.streams.active += 1;
        return (reason) => {
          options.streams.active -= 1;
          if (reason === "disconnected") options.onRequest?.(entry("disconnect"));
        };
      },
      noteModel: (name) => (model = name),
      forcedFault: null,
      retryAfterMs: null,
    };

    try {
      if (!route) throw unknownRoute(request.method, url);
      if (!api.hasApiKey(request, url)) throw new EmulatorRequestError("authentication", api.missingKeyMessage);
      context.forcedFault = readForcedFault(request.headers);
      context.retryAfterMs = readRetryAfterMs(request.headers);
      response = await route.handler(request, context);
    } catch (error) {
      if (error instanceof InjectedFaultError && !context.signal.aborted) {
        if (error.atMs > 0) await waitUntil(startedAt, error.atMs, context.signal).catch(() => {});
        response = api.faultResponse(error, requestId);
      } else if (context.signal.aborted) {
        // The server is closing while a non-streaming reply waited.
        response = new Response(null, { status: 499 });
      } else {
        const known = error instanceof EmulatorRequestError ? error : internalError(error);
        if (known.kind === "internal") failure = known.message;
        response = jsonResponse(api.errorBody(known, requestId), known.status);
        if (api.requestIdHeader) response.headers.set(api.requestIdHeader, requestId);
      }
    }
    response.headers.set("x-emulated", "true");
    options.onRequest?.(entry("response"));
    return response;
  };
}

function readRetryAfterMs(headers: Headers): number | null {
  const value = headers.get(RETRY_AFTER_HEADER);
  if (value === null) return null;
  if (!/^\d+$/.test(value.trim())) {
    throw new EmulatorRequestError("invalid_request", `${RETRY_AFTER_HEADER} must be a whole number of ms, got ${JSON.stringify(value)}.`, {
      param: RETRY_AFTER_HEADER,
    });
  }
  return Number(value.trim());
}

function guessApi(request: Request, url: URL): ProviderApi {
  if (url.pathname.startsWith("/v1beta") || url.pathname.includes(":") || isGeminiKeyed(request, url)) return geminiApi;
  if (request.headers.has("anthropic-version")) return anthropicApi;
  return openaiApi;
}

function unknownRoute(method: string, url: URL): EmulatorRequestError {
  const hint = url.pathname === "/chat/completions"
    ? " OpenAI clients need baseURL <emulator url>/v1."
    : " Served: POST /v1/chat/completions (OpenAI, baseURL <url>/v1), POST /v1/messages and " +
      "/v1/messages/count_tokens (Anthropic, baseURL <url>), POST /v1beta/models/{model}:generateContent, " +
      ":streamGenerateContent?alt=sse and :countTokens, also under /v1/ (Gemini, baseUrl <url>), GET /v1/models.";
  return new EmulatorRequestError("not_found", `Unknown route ${method} ${url.pathname}.${hint}`, {
    code: "unknown_url",
  });
}

function internalError(error: unknown): EmulatorRequestError {
  const message = error instanceof Error ? error.message : String(error);
  return new EmulatorRequestError("internal", `The emulator failed to handle the request: ${message}`, {
    cause: error,
  });
}
