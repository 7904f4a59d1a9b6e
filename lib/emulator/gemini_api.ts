import { ContextWindowError, EmulatorRequestError } from "./emulator_request_error.ts";
import { normalisePrompt } from "./normalise_prompt.ts";
import type { ProviderApi, RouteContext } from "./provider_api.ts";
import type { InjectedFaultError } from "./injected_fault_error.ts";
import type { ReplyPlan } from "./reply_engine.ts";
import {
  eventStreamResponse,
  type JsonObject,
  jsonResponse,
  optionalPositiveInteger,
  randomId,
  readJsonBody,
  rejectStreamFault,
} from "./route_helpers.ts";
import { type TimedFrame, waitUntil } from "./timed_event_stream.ts";

/** Gemini API paths: `/v1beta/models/{model}:{method}`, also under `/v1/`. */
export const GEMINI_METHOD_PATH = /^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/;

const STATUS_NAMES = {
  invalid_request: "INVALID_ARGUMENT",
  context_length: "INVALID_ARGUMENT",
  authentication: "UNAUTHENTICATED",
  not_found: "NOT_FOUND",
  internal: "INTERNAL",
} as const;

/** Authentication and error shapes of the Gemini API (generativelanguage). */
export const geminiApi: ProviderApi = {
  format: "gemini",
  requestIdHeader: null,
  hasApiKey: (request, url) =>
    (request.headers.get("x-goog-api-key") ?? "").trim().length > 0 ||
    (url.searchParams.get("key") ?? "").length > 0 ||
    /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? ""),
  missingKeyMessage: "No API key was sent. Send it in the x-goog-api-key header; the emulator accepts any key.",
  errorBody(error) {
    const message = error instanceof ContextWindowError
      ? `The input token count (${error.inputTokens}) exceeds the maximum number of tokens allowed (${error.contextWindow}).`
      : error.message;
    return { error: { code: error.status, message, status: STATUS_NAMES[error.kind] } };
  },
  faultResponse: geminiFaultResponse,
  streamErrorFrame: () =>
    `data: ${JSON.stringify({ error: { code: 500, message: "An internal error has occurred.", status: "INTERNAL" } })}\r\n\r\n`,
  malformedFrame: () => `data: {"candidates":[{"content":{"parts":[{"text":"cut\r\n\r\n`,
};

function geminiFaultResponse(fault: InjectedFaultError): Response {
  const error = (code: number, status: string, message: string, details?: unknown[]) =>
    jsonResponse({ error: { code, message, status, ...(details ? { details } : {}) } }, code);
  switch (fault.kind) {
    case "rate_limit":
      // Gemini states the wait in a RetryInfo detail, not in a retry-after header.
      return error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (fault injected by the emulator).", [
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${fault.retryAfterMs / 1000}s` },
      ]);
    case "overloaded":
      return error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
    case "server_500":
      return error(500, "INTERNAL", "An internal error has occurred (fault injected by the emulator).");
    case "server_503":
      return error(503, "UNAVAILABLE", "The service is currently unavailable (fault injected by the emulator).");
  }
}

/** Handles `:generateContent`, `:streamGenerateContent?alt=sse` and `:countTokens`. */
export async function handleGeminiMethod(request: Request, context: RouteContext): Promise<Response> {
  const [, , model, method] = context.url.pathname.match(GEMINI_METHOD_PATH)!;
  context.noteModel(model);
  const body = await readJsonBody(request);
  if (method === "countTokens") return countTokens(body, model, context);

  const config = (body.generationConfig ?? body.generation_config ?? {}) as JsonObject;
  const thinkingConfig = (config.thinkingConfig ?? config.thinking_config ?? {}) as JsonObject;
  const budget = thinkingConfig.thinkingBudget ?? thinkingConfig.thinking_budget;
  const includeThoughts = (thinkingConfig.includeThoughts ?? thinkingConfig.include_thoughts) === true;
  const plan = context.engine.plan({
    route: "gemini",
    model,
    prompt: normalisePrompt({ format: "gemini", body }),
    maxOutputTokens: optionalPositiveInteger(config.maxOutputTokens ?? config.max_output_tokens, "generationConfig.maxOutputTokens"),
    maxOutputParam: "generationConfig.maxOutputTokens",
    thinking: {
      active: budget !== 0,
      required: false,
      // -1 asks for dynamic thinking, which the profile's own count stands for.
      budgetTokens: typeof budget === "number" && budget > 0 ? budget : null,
    },
    forcedFault: context.forcedFault,
    retryAfterMs: context.retryAfterMs,
  });
  const reply = { responseId: randomId(22), plan, includeThoughts };

  if (method === "streamGenerateContent") {
    if (context.url.searchParams.get("alt") !== "sse") {
      throw new EmulatorRequestError("invalid_request", "streamGenerateContent is emulated only with ?alt=sse.", {
        param: "alt",
      });
    }
    return eventStreamResponse(streamFrames(reply), context, {}, { plan, api: geminiApi });
  }
  rejectStreamFault(plan);
  await waitUntil(context.startedAt, plan.endAtMs, context.signal);
  return jsonResponse(fullResponse(reply));
}

/** Handles `GET /v1beta/models` with the Gemini list shape. */
export function handleGeminiModels(_request: Request, context: RouteContext): Promise<Response> {
  const models = [...context.engine.profiles.profiles]
    .filter(([, profile]) => profile.provider === "google")
    .map(([name, profile]) => ({
      name: `models/${name}`,
      version: profile.model_version ?? name,
      displayName: name,
      inputTokenLimit: profile.context_window,
      outputTokenLimit: profile.max_output_tokens,
      supportedGenerationMethods: ["generateContent", "countTokens"],
      thinking: profile.thinking > 0,
    }));
  return Promise.resolve(jsonResponse({ models }));
}

function countTokens(body: JsonObject, model: string, context: RouteContext): Response {
  context.engine.resolveProfile("gemini", model);
  const request = (body.generateContentRequest ?? body.generate_content_request ?? body) as JsonObject;
  const counts = context.engine.countInput(normalisePrompt({ format: "gemini", body: request }));
  return jsonResponse({ totalTokens: counts.text + counts.image, promptTokensDetails: promptDetails(counts.text, counts.image) });
}

interface Reply {
  responseId: string;
  plan: ReplyPlan;
  includeThoughts: boolean;
}

function streamFrames(reply: Reply): TimedFrame[] {
  const { plan } = reply;
  const frame = (atMs: number, candidate: JsonObject, answerTokens: number, thoughtTokens: number): TimedFrame => {
    const data = {
      candidates: [{ ...candidate, index: 0 }],
      usageMetadata: usage(plan, answerTokens, thoughtTokens),
      modelVersion: plan.modelVersion,
      responseId: reply.responseId,
    };
    return { atMs, data: `data: ${JSON.stringify(data)}\r\n\r\n` };
  };

  const frames: TimedFrame[] = [];
  let thoughts = 0;
  if (reply.includeThoughts) {
    for (const chunk of plan.thinkingChunks) {
      thoughts += chunk.tokens;
      const content = { parts: [{ text: chunk.text, thought: true }], role: "model" };
      frames.push({ ...frame(chunk.atMs, { content }, 0, thoughts), content: true });
    }
  }
  let answered = 0;
  plan.answerChunks.forEach((chunk, index) => {
    answered += chunk.tokens;
    const last = index === plan.answerChunks.length - 1;
    const candidate: JsonObject = { content: { parts: [{ text: chunk.text }], role: "model" } };
    if (last) candidate.finishReason = finishReason(plan);
    // The final chunk reports the exact totals, whatever per-chunk counts added up to.
    const tokens = last ? plan.answerTokens : answered;
    frames.push({ ...frame(chunk.atMs, candidate, tokens, plan.thinkingTokens), content: true });
  });
  if (plan.answerChunks.length === 0) {
    frames.push(frame(plan.endAtMs, { content: { role: "model" }, finishReason: finishReason(plan) }, 0, plan.thinkingTokens));
  }
  return frames;
}

function fullResponse(reply: Reply): JsonObject {
  const { plan } = reply;
  const parts: JsonObject[] = [];
  if (reply.includeThoughts && plan.thinkingText) parts.push({ text: plan.thinkingText, thought: true });
  if (plan.answerText) parts.push({ text: plan.answerText });
  const content = parts.length > 0 ? { parts, role: "model" } : { role: "model" };
  return {
    candidates: [{ content, finishReason: finishReason(plan), index: 0 }],
    usageMetadata: usage(plan, plan.answerTokens, plan.thinkingTokens),
    modelVersion: plan.modelVersion,
    responseId: reply.responseId,
  };
}

function usage(plan: ReplyPlan, answerTokens: number, thoughtTokens: number): JsonObject {
  const metadata: JsonObject = {
    promptTokenCount: plan.inputTokens,
    candidatesTokenCount: answerTokens,
    totalTokenCount: plan.inputTokens + answerTokens + thoughtTokens,
    promptTokensDetails: promptDetails(plan.inputTextTokens, plan.inputImageTokens),
  };
  if (plan.thinkingTokens > 0) metadata.thoughtsTokenCount = thoughtTokens;
  return metadata;
}

function promptDetails(textTokens: number, imageTokens: number): JsonObject[] {
  const details: JsonObject[] = [{ modality: "TEXT", tokenCount: textTokens }];
  if (imageTokens > 0) details.push({ modality: "IMAGE", tokenCount: imageTokens });
  return details;
}

function finishReason(plan: ReplyPlan): string {
  if (plan.finish === "content_filter") return "SAFETY";
  return plan.finish === "length" ? "MAX_TOKENS" : "STOP";
}
