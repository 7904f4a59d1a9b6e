import { EmulatorRequestError } from "./emulator_request_error.ts";
import { STREAM_FAULTS } from "./fault_kinds.ts";
import { InjectedFaultError } from "./injected_fault_error.ts";
import type { ProviderApi, RouteContext } from "./provider_api.ts";
import type { ReplyPlan } from "./reply_engine.ts";
import { streamFaultFrames } from "./stream_fault_frames.ts";
import { type TimedFrame, timedEventStream } from "./timed_event_stream.ts";

/** A parsed JSON request body. */
export type JsonObject = Record<string, unknown>;

/** Reads a request body that must be a JSON object. */
export async function readJsonBody(request: Request): Promise<JsonObject> {
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new EmulatorRequestError("invalid_request", "The request body is not valid JSON.", { cause });
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new EmulatorRequestError("invalid_request", "The request body must be a JSON object.");
  }
  return body as JsonObject;
}

/** Returns a required non-empty string field. */
export function requireString(value: unknown, param: string): string {
  if (typeof value === "string" && value.length > 0) return value;
  throw new EmulatorRequestError("invalid_request", `${param}: a non-empty string is required.`, { param });
}

/** Returns an optional positive integer field, or null when it is absent. */
export function optionalPositiveInteger(value: unknown, param: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  throw new EmulatorRequestError(
    "invalid_request",
    `${param} must be a positive integer, got ${JSON.stringify(value)}.`,
    { param, code: "invalid_value" },
  );
}

/** Creates a random id of letters and digits, for response and request ids. */
export function randomId(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

/** Creates a JSON response. */
export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set("content-type", "application/json");
  return response;
}

/**
 * Creates a server-sent-events response whose frames go out at their planned times. With a
 * `reply`, its injected stream fault cuts the frames and sets how the stream ends, and a
 * calibration reply gets its send times stamped into the frames.
 */
export function eventStreamResponse(
  frames: readonly TimedFrame[],
  context: RouteContext,
  headers: HeadersInit = {},
  reply?: { plan: Pick<ReplyPlan, "fault" | "faultAtMs" | "stampEmitTimes">; api: ProviderApi },
) {
  const faulted = reply
    ? streamFaultFrames(frames, reply.plan.fault, reply.api, context.requestId, reply.plan.faultAtMs ?? null)
    : null;
  const body = timedEventStream(faulted?.frames ?? frames, context.startedAt, context.signal, context.startStream(), {
    ending: faulted?.ending ?? "close",
    stampEmitTimes: reply?.plan.stampEmitTimes ?? false,
  });
  const response = new Response(body, { headers });
  response.headers.set("content-type", "text/event-stream; charset=utf-8");
  response.headers.set("cache-control", "no-cache");
  return response;
}

/**
 * Turns a stream fault of a non-streaming request into a 500, because a JSON reply has no
 * stream to break.
 */
export function rejectStreamFault(plan: Pick<ReplyPlan, "fault">): void {
  if (plan.fault !== null && STREAM_FAULTS.has(plan.fault)) throw new InjectedFaultError("server_500", 0);
}
