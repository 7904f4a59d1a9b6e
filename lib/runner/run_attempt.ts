import type {
  Clock,
  ErrorClass,
  ProviderAdapter,
  ProviderErrorInfo,
  ProviderRequest,
  Usage,
} from "../providers/types.ts";
import type { RecordedEvent } from "./record.ts";

/** One content event with its text, kept in memory for stream recording. Time is ms from the run origin. */
export interface ContentEvent {
  kind: "text-delta" | "reasoning-delta";
  t_ms: number;
  text: string;
}

/** Timing, output and outcome of one attempt at one request. Times are ms from the run origin. */
export interface AttemptOutcome {
  send_ms: number;
  headers_ms: number | null;
  /** HTTP status of the response head, when one arrived. */
  http_status: number | null;
  end_ms: number;
  first_output_ms: number | null;
  first_answer_ms: number | null;
  last_output_ms: number | null;
  first_reasoning_ms: number | null;
  last_reasoning_ms: number | null;
  events: RecordedEvent[];
  content: ContentEvent[];
  output_text: string;
  reasoning_text: string;
  reasoning_chars: number;
  usage: Usage | null;
  usage_raw: unknown;
  finish_reason: string | null;
  model_version: string | null;
  error: ProviderErrorInfo | null;
}

/** Options of `runAttempt`. */
export interface AttemptOptions {
  clock: Clock;
  /** Clock reading that is time 0 of the run. */
  origin: number;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
  /** Maximum silence between events once output began, in ms. Null or absent turns the check off. */
  idleTimeoutMs?: number | null;
  /** Aborts the request (Ctrl-C). The outcome then has error class `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Sends one request through an adapter and records every event with its time.
 *
 * Three timers guard the request. The first-token timer stops at the first non-empty output
 * of any kind. The idle timer (optional) fires when no event arrives for `idleTimeoutMs` after
 * output began. The total timer covers the whole response. A timer that fires aborts the
 * request: the outcome gets `timeout_first_token` when no output had arrived yet, whichever
 * timer fired, and `timeout_total` (a mid-stream timeout) otherwise. Never throws for
 * provider failures.
 */
export async function runAttempt(
  adapter: ProviderAdapter,
  request: Omit<ProviderRequest, "signal">,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  if (!(options.firstTokenTimeoutMs > 0) || !(options.totalTimeoutMs > 0)) {
    throw new RangeError(
      `runAttempt: timeouts must be positive ms, got first token ${options.firstTokenTimeoutMs} and total ${options.totalTimeoutMs}`,
    );
  }
  const { clock, origin } = options;
  const controller = new AbortController();
  let timeoutReason: "first_token" | "idle" | "total" | "cancelled" | null = null;
  const abortWith = (reason: NonNullable<typeof timeoutReason>) => {
    if (controller.signal.aborted) return;
    timeoutReason = reason;
    controller.abort(new Error(reason));
  };
  const onOuterAbort = () => abortWith("cancelled");
  if (options.signal?.aborted) abortWith("cancelled");
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const firstTokenTimer = setTimeout(() => abortWith("first_token"), options.firstTokenTimeoutMs);
  const totalTimer = setTimeout(() => abortWith("total"), options.totalTimeoutMs);
  const idle = idleWatch(clock, options.idleTimeoutMs ?? null, () => abortWith("idle"));

  const outcome: AttemptOutcome = {
    // Stamped before the SDK builds the request, then moved to the moment the built request
    // went to `fetch` once the response head reports it. A request that fails before any
    // response keeps the earlier stamp.
    send_ms: clock() - origin,
    headers_ms: null,
    http_status: null,
    end_ms: 0,
    first_output_ms: null,
    first_answer_ms: null,
    last_output_ms: null,
    first_reasoning_ms: null,
    last_reasoning_ms: null,
    events: [],
    content: [],
    output_text: "",
    reasoning_text: "",
    reasoning_chars: 0,
    usage: null,
    usage_raw: null,
    finish_reason: null,
    model_version: null,
    error: null,
  };
  let ended = false;

  try {
    for await (const event of adapter.stream({ ...request, signal: controller.signal })) {
      const t = event.t - origin;
      idle.touch();
      switch (event.type) {
        case "response-headers":
          if (event.sentT !== undefined) outcome.send_ms = event.sentT - origin;
          outcome.headers_ms = t;
          outcome.http_status = event.status;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
        case "text-delta":
        case "reasoning-delta":
          if (event.text.length === 0) break;
          if (outcome.first_output_ms === null) {
            outcome.first_output_ms = t;
            clearTimeout(firstTokenTimer);
            idle.start();
          }
          if (event.type === "text-delta") {
            outcome.first_answer_ms ??= t;
          } else {
            outcome.first_reasoning_ms ??= t;
            outcome.last_reasoning_ms = t;
            outcome.reasoning_chars += event.text.length;
          }
          outcome.last_output_ms = t;
          outcome.content.push({ kind: event.type, t_ms: t, text: event.text });
          outcome.events.push({ kind: event.type, t_ms: t, chars: event.text.length });
          break;
        case "usage":
          outcome.usage = event.usage;
          outcome.usage_raw = event.raw ?? null;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
        case "end":
          ended = true;
          outcome.finish_reason = event.finishReason;
          outcome.model_version = event.modelVersion;
          outcome.end_ms = t;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
        case "error":
          outcome.error = event.error;
          outcome.end_ms = t;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
      }
    }
  } catch (error) {
    // Adapters are not supposed to throw; if one does, the trial is still recorded.
    outcome.error = {
      class: "unknown",
      httpStatus: null,
      providerCode: null,
      message: `adapter threw: ${(error as Error)?.message ?? String(error)}`,
      requestId: null,
      retryAfterSeconds: null,
    };
  } finally {
    clearTimeout(firstTokenTimer);
    clearTimeout(totalTimer);
    idle.stop();
    options.signal?.removeEventListener("abort", onOuterAbort);
  }

  if (outcome.end_ms === 0) outcome.end_ms = clock() - origin;
  // Once this attempt aborted the request, whatever error the SDK raised is the abort's echo.
  if (timeoutReason !== null && (outcome.error !== null || !ended)) {
    const errorClass = classOfAbort(timeoutReason, outcome.first_output_ms !== null);
    outcome.error = {
      class: errorClass,
      httpStatus: outcome.error?.httpStatus ?? null,
      providerCode: null,
      message: abortMessage(timeoutReason, errorClass, options),
      requestId: outcome.error?.requestId ?? null,
      retryAfterSeconds: null,
    };
  }
  outcome.output_text = outcome.content.filter((e) => e.kind === "text-delta").map((e) => e.text).join("");
  outcome.reasoning_text = outcome.content.filter((e) => e.kind === "reasoning-delta").map((e) => e.text).join("");
  return outcome;
}

function classOfAbort(reason: "first_token" | "idle" | "total" | "cancelled", hadOutput: boolean): ErrorClass {
  if (reason === "cancelled") return "cancelled";
  return hadOutput ? "timeout_total" : "timeout_first_token";
}

function abortMessage(
  reason: "first_token" | "idle" | "total" | "cancelled",
  errorClass: ErrorClass,
  options: AttemptOptions,
): string {
  switch (reason) {
    case "first_token":
      return `no output within ${options.firstTokenTimeoutMs} ms (timeouts.first_token_ms)`;
    case "idle":
      return `stream stalled: no event for ${options.idleTimeoutMs} ms after output began (timeouts.idle_ms)`;
    case "total":
      return errorClass === "timeout_first_token"
        ? `no output within ${options.totalTimeoutMs} ms (timeouts.total_ms)`
        : `response not complete within ${options.totalTimeoutMs} ms (timeouts.total_ms), output had begun`;
    case "cancelled":
      return "request cancelled";
  }
}

/**
 * Watches for silence between events without re-arming a timer per event: one timer checks
 * the time of the last event and sleeps again for the rest of the interval.
 */
function idleWatch(clock: Clock, idleMs: number | null, onIdle: () => void) {
  let last = clock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const quiet = clock() - last;
    if (quiet >= idleMs!) return onIdle();
    timer = setTimeout(check, idleMs! - quiet);
  };
  return {
    touch() {
      last = clock();
    },
    start() {
      if (idleMs === null || timer !== undefined) return;
      last = clock();
      timer = setTimeout(check, idleMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
