import { ContextWindowError, EmulatorRequestError } from "./emulator_request_error.ts";
import type { FaultKind } from "./fault_kinds.ts";
import { InjectedFaultError } from "./injected_fault_error.ts";
import type { ReplyPlan } from "./reply_engine.ts";

/**
 * Applies a chosen fault to a planned reply. Faults sent as an error response throw
 * (`InjectedFaultError`, or `EmulatorRequestError` for `auth` and `context_length`). Output
 * faults change the plan: `empty_output` removes all output, `content_filter` keeps the first
 * chunk and ends with a safety finish. Stream faults only mark the plan; the response stream
 * breaks where `planStreamFault` says.
 */
export function applyFault(plan: ReplyPlan, fault: FaultKind | null, retryAfterMs: number): ReplyPlan {
  switch (fault) {
    case null:
      return plan;
    case "rate_limit":
    case "overloaded":
    case "server_500":
    case "server_503":
      throw new InjectedFaultError(fault, retryAfterMs);
    case "auth":
      throw new EmulatorRequestError("authentication", "Invalid API key (fault injected by the emulator).", {
        code: "invalid_api_key",
      });
    case "context_length":
      throw new ContextWindowError(plan.inputTokens, Math.max(0, plan.inputTokens - 1));
    case "empty_output":
      return {
        ...plan,
        fault,
        thinkingText: "",
        thinkingTokens: 0,
        thinkingChunks: [],
        answerText: "",
        answerTokens: 0,
        answerChunks: [],
        finish: "stop",
      };
    case "content_filter": {
      const first = plan.answerChunks[0];
      if (first === undefined) return { ...plan, fault, finish: "content_filter" };
      return {
        ...plan,
        fault,
        answerText: first.text,
        answerTokens: first.tokens,
        answerChunks: [first],
        finish: "content_filter",
        endAtMs: first.atMs,
        item: plan.item === null ? null : { ...plan.item, correct: false },
      };
    }
    default:
      return { ...plan, fault };
  }
}
