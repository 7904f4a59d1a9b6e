import { ContextWindowError, EmulatorRequestError } from "./emulator_request_error.ts";
import { normalisePrompt } from "./normalise_prompt.ts";
import type { ProviderApi, RouteContext } from "./provider_api.ts";
import type { ReplyPlan } from "./reply_engine.ts";
import type { InjectedFaultError } from "./injected_fault_error.ts";
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
import { waitUntil } from "./timed_event_stream.ts";
import type { TimedFrame } from "./timed_event_stream.ts";

/** Authentication and error shapes of the OpenAI Chat Completions API. */
export const openaiApi: ProviderApi = {
  format: "openai",
  requestIdHeader: "x-request-id",
  hasApiKey: (request) => /^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? ""),
  missingKeyMessage:
    "No API key was sent. Send it as an Authorization: Bearer <key> header; the emulator accepts any key.",
  errorBody(error) {
    const message = error instanceof ContextWindowError
      ? `This model's maximum context length is ${error.contextWindow} tokens. However, your messages resulted in ${error.inputTokens} tokens. Please reduce the length of the messages.`
      : error.message;
    const type = error.kind === "internal" ? "server_error" : "invalid_request_error";
    const code = error.kind === "authentication" ? "invalid_api_key" : error.code;
    return { error: { message, type, param: error.param, code } };
  },
  faultResponse: openaiFaultResponse,
  streamErrorFrame: () =>
    `data: ${JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })}\n\n`,
  malformedFrame: () => `data: {"id":"chatcmpl-cut","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"cut\n\n`,
};

function openaiFaultResponse(fault: InjectedFaultError, requestId: string): Response {
  const headers: Record<string, string> = { "x-request-id": requestId };
  const error = (status: number, message: string, type: string, code: string | null = null) =>
    jsonResponse({ error: { message, type, param: null, code } }, status, headers);
  switch (fault.kind) {
    case "rate_limit":
      headers["retry-after"] = String(Math.ceil(fault.retryAfterMs / 1000));
      headers["retry-after-ms"] = String(fault.retryAfterMs);
      return error(429, "Rate limit reached for requests (fault injected by the emulator).", "requests", "rate_limit_exceeded");
    case "overloaded":
      return error(503, "The server is overloaded (fault injected by the emulator). Please retry your request later.", "server_error");
    case "server_500":
      return error(500, "The server had an error while processing your request (fault injected by the emulator).", "server_error");
    case "server_503":
      return error(503, "Service unavailable (fault injected by the emulator).", "server_error");
  }
}

/** Handles `POST /v1/chat/completions`, streaming or not. */
export async function handleChatCompletions(request: Request, context: RouteContext): Promise<Response> {
  const body = await readJsonBody(request);
  const model = requireString(body.model, "model");
  context.noteModel(model);
  const prompt = normalisePrompt({ format: "openai", body });
  if ((body.messages as unknown[]).length === 0) {
    throw new EmulatorRequestError("invalid_request", "messages must contain at least one message.", {
      param: "messages",
    });
  }
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw new EmulatorRequestError("invalid_request", "n must be 1: the emulator returns a single choice.", {
      param: "n",
    });
  }
  const maxOutputParam = body.max_completion_tokens != null ? "max_completion_tokens" : "max_tokens";
  const plan = context.engine.plan({
    route: "openai",
    model,
    prompt,
    maxOutputTokens: optionalPositiveInteger(body[maxOutputParam], maxOutputParam),
    maxOutputParam,
    // Reasoning models always think. The profile's thinking count is 0 for the others.
    thinking: { active: true, required: false, budgetTokens: null },
    forcedFault: context.forcedFault,
    retryAfterMs: context.retryAfterMs,
  });

  const reply = { id: `chatcmpl-${randomId(29)}`, created: Math.floor(Date.now() / 1000), plan };
  const headers = { "x-request-id": context.requestId };
  if (body.stream === true) {
    const includeUsage = (body.stream_options as JsonObject | undefined)?.include_usage === true;
    return eventStreamResponse(streamFrames(reply, includeUsage), context, headers, { plan, api: openaiApi });
  }
  rejectStreamFault(plan);
  await waitUntil(context.startedAt, plan.endAtMs, context.signal);
  return jsonResponse(completion(reply), 200, headers);
}

/** Handles `GET /v1/models` with the OpenAI list shape. */
export function handleOpenAiModels(_request: Request, context: RouteContext): Promise<Response> {
  const data = [...context.engine.profiles.profiles]
    .filter(([name, profile]) => name !== "default" && profile.provider.startsWith("openai"))
    .map(([name, profile]) => ({ id: name, object: "model", created: 0, owned_by: profile.provider }));
  return Promise.resolve(jsonResponse({ object: "list", data }, 200, { "x-request-id": context.requestId }));
}

interface Reply {
  id: string;
  created: number;
  plan: ReplyPlan;
}

function streamFrames(reply: Reply, includeUsage: boolean): TimedFrame[] {
  const { plan } = reply;
  const frame = (atMs: number, choices: unknown[], usage?: unknown): TimedFrame => {
    const chunk: JsonObject = {
      id: reply.id,
      object: "chat.completion.chunk",
      created: reply.created,
      model: plan.modelVersion,
      service_tier: "default",
      system_fingerprint: "fp_emulator",
      choices,
    };
    if (includeUsage) chunk.usage = usage ?? null;
    return { atMs, data: `data: ${JSON.stringify(chunk)}\n\n` };
  };
  const choice = (delta: JsonObject, finishReason: string | null = null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });

  const frames = [frame(0, [choice({ role: "assistant", content: "", refusal: null })])];
  for (const chunk of plan.answerChunks) frames.push({ ...frame(chunk.atMs, [choice({ content: chunk.text })]), content: true });
  frames.push(frame(plan.endAtMs, [choice({}, finishReason(plan))]));
  if (includeUsage) frames.push(frame(plan.endAtMs, [], usage(plan)));
  frames.push({ atMs: plan.endAtMs, data: "data: [DONE]\n\n" });
  return frames;
}

function completion(reply: Reply): JsonObject {
  const { plan } = reply;
  return {
    id: reply.id,
    object: "chat.completion",
    created: reply.created,
    model: plan.modelVersion,
    choices: [{
      index: 0,
      message: { role: "assistant", content: plan.answerText, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: finishReason(plan),
    }],
    usage: usage(plan),
    service_tier: "default",
    system_fingerprint: "fp_emulator",
  };
}

function finishReason(plan: ReplyPlan): string {
  return plan.finish === "stop" ? "stop" : plan.finish;
}

function usage(plan: ReplyPlan): JsonObject {
  const completionTokens = plan.answerTokens + plan.thinkingTokens;
  return {
    prompt_tokens: plan.inputTokens,
    completion_tokens: completionTokens,
    total_tokens: plan.inputTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: plan.thinkingTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
