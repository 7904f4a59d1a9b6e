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
  requireString,
} from "./route_helpers.ts";
import { type TimedFrame, waitUntil } from "./timed_event_stream.ts";

const ERROR_TYPES = {
  invalid_request: "invalid_request_error",
  context_length: "invalid_request_error",
  authentication: "authentication_error",
  not_found: "not_found_error",
  internal: "api_error",
} as const;

/** Authentication and error shapes of the Anthropic Messages API. */
export const anthropicApi: ProviderApi = {
  format: "anthropic",
  requestIdHeader: "request-id",
  hasApiKey: (request) =>
    (request.headers.get("x-api-key") ?? "").trim().length > 0 ||
    /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? ""),
  missingKeyMessage: "x-api-key header is required; the emulator accepts any key (or an Authorization: Bearer token).",
  errorBody(error, requestId) {
    const message = error instanceof ContextWindowError
      ? `prompt is too long: ${error.inputTokens} tokens > ${error.contextWindow} maximum`
      : error.message;
    return { type: "error", error: { type: ERROR_TYPES[error.kind], message }, request_id: requestId };
  },
  faultResponse: anthropicFaultResponse,
  streamErrorFrame: (requestId) =>
    `event: error\ndata: ${JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: requestId })}\n\n`,
  malformedFrame: () =>
    `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"cut\n\n`,
};

function anthropicFaultResponse(fault: InjectedFaultError, requestId: string): Response {
  const headers: Record<string, string> = { "request-id": requestId };
  const error = (status: number, type: string, message: string) =>
    jsonResponse({ type: "error", error: { type, message }, request_id: requestId }, status, headers);
  switch (fault.kind) {
    case "rate_limit":
      // Anthropic sends whole seconds in retry-after.
      headers["retry-after"] = String(Math.ceil(fault.retryAfterMs / 1000));
      return error(429, "rate_limit_error", "Number of request tokens has exceeded your rate limit (fault injected by the emulator).");
    case "overloaded":
      return error(529, "overloaded_error", "Overloaded");
    case "server_500":
      return error(500, "api_error", "Internal server error (fault injected by the emulator)");
    case "server_503":
      return error(503, "api_error", "Service unavailable (fault injected by the emulator)");
  }
}

/** Handles `POST /v1/messages`, streaming or not. */
export async function handleMessages(request: Request, context: RouteContext): Promise<Response> {
  const body = await readJsonBody(request);
  const model = requireString(body.model, "model");
  context.noteModel(model);
  const maxTokens = optionalPositiveInteger(body.max_tokens, "max_tokens");
  if (maxTokens === null) {
    throw new EmulatorRequestError("invalid_request", "max_tokens: Field required", { param: "max_tokens" });
  }
  const prompt = normalisePrompt({ format: "anthropic", body });
  const thinking = body.thinking as JsonObject | undefined;
  const thinkingOn = thinking?.type === "enabled" || thinking?.type === "adaptive";
  const budget = thinking?.type === "enabled" ? optionalPositiveInteger(thinking.budget_tokens, "thinking.budget_tokens") : null;
  if (budget !== null && budget >= maxTokens) {
    throw new EmulatorRequestError(
      "invalid_request",
      `max_tokens must be greater than thinking.budget_tokens (got ${maxTokens} and ${budget}).`,
      { param: "thinking.budget_tokens" },
    );
  }

  const plan = context.engine.plan({
    route: "anthropic",
    model,
    prompt,
    maxOutputTokens: maxTokens,
    maxOutputParam: "max_tokens",
    thinking: { active: thinkingOn, required: thinkingOn, budgetTokens: budget },
    forcedFault: context.forcedFault,
    retryAfterMs: context.retryAfterMs,
  });
  const reply = { id: `msg_${randomId(24)}`, plan };
  const headers = { "request-id": context.requestId };
  if (body.stream === true) return eventStreamResponse(streamFrames(reply), context, headers, { plan, api: anthropicApi });
  rejectStreamFault(plan);
  await waitUntil(context.startedAt, plan.endAtMs, context.signal);
  return jsonResponse(message(reply), 200, headers);
}

/** Handles `POST /v1/messages/count_tokens`. */
export async function handleCountTokens(request: Request, context: RouteContext): Promise<Response> {
  const body = await readJsonBody(request);
  const model = requireString(body.model, "model");
  context.noteModel(model);
  context.engine.resolveProfile("anthropic", model);
  const counts = context.engine.countInput(normalisePrompt({ format: "anthropic", body }));
  return jsonResponse({ input_tokens: counts.text + counts.image }, 200, { "request-id": context.requestId });
}

/** Handles `GET /v1/models` with the Anthropic list shape. */
export function handleAnthropicModels(_request: Request, context: RouteContext): Promise<Response> {
  const data = [...context.engine.profiles.profiles]
    .filter(([, profile]) => profile.provider === "anthropic")
    .map(([name, profile]) => ({
      type: "model",
      id: profile.model_version ?? name,
      display_name: name,
      created_at: "1970-01-01T00:00:00Z",
    }));
  const page = { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
  return Promise.resolve(jsonResponse(page, 200, { "request-id": context.requestId }));
}

interface Reply {
  id: string;
  plan: ReplyPlan;
}

function streamFrames(reply: Reply): TimedFrame[] {
  const { plan } = reply;
  const event = (atMs: number, data: JsonObject): TimedFrame => ({
    atMs,
    data: `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`,
  });
  const hasThinking = plan.thinkingTokens > 0;
  const hasText = plan.answerChunks.length > 0 || !hasThinking;
  const frames: TimedFrame[] = [
    event(0, { type: "message_start", message: { ...message(reply, true), content: [] } }),
  ];

  let index = 0;
  if (hasThinking) {
    frames.push(event(0, { type: "content_block_start", index, content_block: { type: "thinking", thinking: "", signature: "" } }));
    frames.push(event(0, { type: "ping" }));
    for (const chunk of plan.thinkingChunks) {
      const delta = { type: "thinking_delta", thinking: chunk.text };
      frames.push({ ...event(chunk.atMs, { type: "content_block_delta", index, delta }), content: true });
    }
    const thinkingEnd = plan.thinkingChunks.at(-1)?.atMs ?? 0;
    frames.push(event(thinkingEnd, { type: "content_block_delta", index, delta: { type: "signature_delta", signature: signature(reply) } }));
    frames.push(event(thinkingEnd, { type: "content_block_stop", index }));
    index += 1;
  }
  if (hasText) {
    const startAt = hasThinking ? (plan.thinkingChunks.at(-1)?.atMs ?? 0) : 0;
    frames.push(event(startAt, { type: "content_block_start", index, content_block: { type: "text", text: "" } }));
    if (!hasThinking) frames.push(event(0, { type: "ping" }));
    for (const chunk of plan.answerChunks) {
      const delta = { type: "text_delta", text: chunk.text };
      frames.push({ ...event(chunk.atMs, { type: "content_block_delta", index, delta }), content: true });
    }
    frames.push(event(plan.endAtMs, { type: "content_block_stop", index }));
  }
  frames.push(event(plan.endAtMs, {
    type: "message_delta",
    delta: { stop_reason: stopReason(plan), stop_sequence: null },
    usage: { output_tokens: outputTokens(plan) },
  }));
  frames.push(event(plan.endAtMs, { type: "message_stop" }));
  return frames;
}

function message(reply: Reply, starting = false): JsonObject {
  const { plan } = reply;
  const content: JsonObject[] = [];
  if (plan.thinkingTokens > 0) content.push({ type: "thinking", thinking: plan.thinkingText, signature: signature(reply) });
  if (plan.answerText.length > 0 || plan.thinkingTokens === 0) content.push({ type: "text", text: plan.answerText });
  return {
    id: reply.id,
    type: "message",
    role: "assistant",
    model: plan.modelVersion,
    content,
    stop_reason: starting ? null : stopReason(plan),
    stop_sequence: null,
    usage: {
      input_tokens: plan.inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: starting ? 1 : outputTokens(plan),
      service_tier: "standard",
    },
  };
}

function stopReason(plan: ReplyPlan): string {
  if (plan.finish === "content_filter") return "refusal";
  return plan.finish === "length" ? "max_tokens" : "end_turn";
}

// Thinking tokens are billed as output tokens.
function outputTokens(plan: ReplyPlan): number {
  return plan.answerTokens + plan.thinkingTokens;
}

// Real signatures are opaque encrypted blobs. This one only marks the block as emulated.
function signature(reply: Reply): string {
  return btoa(`emulated-thinking-signature:${reply.id}`);
}
