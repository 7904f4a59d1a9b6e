import type {
  Clock,
  ErrorClass,
  ProviderAdapter,
  ProviderErrorInfo,
  ProviderRequest,
  Usage,
} from "../providers/types.ts";
import type { RecordedEvent } from "./record.ts";

/** Timing, output and outcome of one attempt at one request. Times are ms from the run origin. */
export interface AttemptOutcome {
  send_ms: number;
  headers_ms: number | null;
  end_ms: number;
  first_output_ms: number | null;
  first_answer_ms: number | null;
  last_output_ms: number | null;
  events: RecordedEvent[];
  output_text: string;
  reasoning_chars: number;
  usage: Usage | null;
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
  /** Aborts the request (Ctrl-C). The outcome then has error class `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Sends one request through an adapter and records every event with its time.
 *
 * The first-token timer stops at the first non-empty output of any kind; the total timer
 * covers the whole response. Either one aborts the request and the outcome gets error class
 * `timeout_first_token` or `timeout_total`. Never throws for provider failures.
 */
export async function runAttempt(
  adapter: ProviderAdapter,
  request: Omit<ProviderRequest, "signal">,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  const { clock, origin } = options;
  const controller = new AbortController();
  let timeoutClass: ErrorClass | null = null;
  const abortWith = (reason: ErrorClass) => {
    if (controller.signal.aborted) return;
    timeoutClass = reason;
    controller.abort(new Error(reason));
  };
  const onOuterAbort = () => abortWith("cancelled");
  if (options.signal?.aborted) abortWith("cancelled");
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const firstTokenTimer = setTimeout(() => abortWith("timeout_first_token"), options.firstTokenTimeoutMs);
  const totalTimer = setTimeout(() => abortWith("timeout_total"), options.totalTimeoutMs);

  const outcome: AttemptOutcome = {
    send_ms: clock() - origin,
    headers_ms: null,
    end_ms: 0,
    first_output_ms: null,
    first_answer_ms: null,
    last_output_ms: null,
    events: [],
    output_text: "",
    reasoning_chars: 0,
    usage: null,
    finish_reason: null,
    model_version: null,
    error: null,
  };
  const textParts: string[] = [];

  try {
    for await (const event of adapter.stream({ ...request, signal: controller.signal })) {
      const t = event.t - origin;
      switch (event.type) {
        case "response-headers":
          outcome.headers_ms = t;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
        case "text-delta":
        case "reasoning-delta":
          if (event.text.length === 0) break;
          if (outcome.first_output_ms === null) {
            outcome.first_output_ms = t;
            clearTimeout(firstTokenTimer);
          }
          if (event.type === "text-delta") {
            if (outcome.first_answer_ms === null) outcome.first_answer_ms = t;
            textParts.push(event.text);
          } else {
            outcome.reasoning_chars += event.text.length;
          }
          outcome.last_output_ms = t;
          outcome.events.push({ kind: event.type, t_ms: t, chars: event.text.length });
          break;
        case "usage":
          outcome.usage = event.usage;
          outcome.events.push({ kind: event.type, t_ms: t, chars: 0 });
          break;
        case "end":
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
    options.signal?.removeEventListener("abort", onOuterAbort);
  }

  if (outcome.end_ms === 0) outcome.end_ms = clock() - origin;
  // Once this attempt aborted the request, whatever error the SDK raised is the abort's echo.
  if (timeoutClass !== null && (outcome.error !== null || !outcome.events.some((e) => e.kind === "end"))) {
    outcome.error = {
      class: timeoutClass,
      httpStatus: outcome.error?.httpStatus ?? null,
      providerCode: null,
      message: timeoutMessage(timeoutClass, options),
      requestId: outcome.error?.requestId ?? null,
      retryAfterSeconds: null,
    };
  }
  outcome.output_text = textParts.join("");
  return outcome;
}

function timeoutMessage(errorClass: ErrorClass, options: AttemptOptions): string {
  if (errorClass === "timeout_first_token") {
    return `no output within ${options.firstTokenTimeoutMs} ms (timeouts.first_token_ms)`;
  }
  if (errorClass === "timeout_total") return `response not complete within ${options.totalTimeoutMs} ms (timeouts.total_ms)`;
  return "request cancelled";
}
