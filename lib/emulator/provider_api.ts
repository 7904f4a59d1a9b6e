import type { ForcedFault } from "./choose_fault.ts";
import type { EmulatorRequestError } from "./emulator_request_error.ts";
import type { InjectedFaultError } from "./injected_fault_error.ts";
import type { ReplyEngine, RouteFormat } from "./reply_engine.ts";
import type { StreamStopReason } from "./timed_event_stream.ts";

/** Per-request state a route handler receives from the server. */
export interface RouteContext {
  engine: ReplyEngine;
  url: URL;
  /** `performance.now()` reading when the request arrived. Every send time counts from here. */
  startedAt: number;
  /** Aborts when the server closes. A client disconnect cancels the response stream instead. */
  signal: AbortSignal;
  requestId: string;
  /** Registers a response stream and returns the callback to run once when it stops. */
  startStream(): (reason: StreamStopReason) => void;
  /** Records the requested model for the request log. */
  noteModel(model: string): void;
  /** Fault the request's `x-emulator-fault` header forces, or null. */
  forcedFault: ForcedFault;
  /** `retry-after` in ms set by the request's `x-emulator-retry-after-ms` header, or null. */
  retryAfterMs: number | null;
}

/** Handles one route and returns the full response (an error response is thrown as EmulatorRequestError). */
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** API key check and error shape of one provider. */
export interface ProviderApi {
  format: RouteFormat;
  /** Response header carrying the request id, or null when the provider sends none. */
  requestIdHeader: string | null;
  hasApiKey(request: Request, url: URL): boolean;
  missingKeyMessage: string;
  errorBody(error: EmulatorRequestError, requestId: string): unknown;
  /** Renders an injected rate limit, overload or server error as this provider sends it. */
  faultResponse(fault: InjectedFaultError, requestId: string): Response;
  /** This provider's error event inside an HTTP 200 stream, as raw SSE text. */
  streamErrorFrame(requestId: string): string;
  /** An SSE event whose JSON is cut off, in this provider's framing. */
  malformedFrame(): string;
}
