import assert from "node:assert/strict";
import { join } from "node:path";
import type { ProviderName } from "../../lib/providers/types.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import { parseSpec } from "../../lib/spec/load_spec.ts";
import { runTrial, type TrialRunContext } from "../../lib/runner/run_trial.ts";
import { TrialRecorder } from "../../lib/runner/trial_recorder.ts";
import { CostBudget } from "../../lib/runner/cost_budget.ts";
import { planPhases } from "../../lib/runner/plan_phases.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { deriveLatencySummary } from "../../lib/analysis/derive_latency_summary.ts";
import { type RecordedRequest, type ReplayResponse, startReplayServer } from "../providers/replay_server.ts";
import {
  anthropicDelta,
  anthropicEnd,
  anthropicEvent,
  anthropicStart,
  assertBetween,
  geminiChunk,
  MODELS,
  openaiChunk,
  openaiDelta,
  piecesAt,
  planFor,
  type TimedWrite,
} from "./measure_fixture.ts";

const encoder = new TextEncoder();
const RETRY_AFTER_MS = 200;
const FIRST_TEXT_MS = 100;

/** Each provider's 429, asking the client to wait RETRY_AFTER_MS in that provider's way. */
const RATE_LIMITS: Record<"openai" | "anthropic" | "google", { headers: Record<string, string>; body: unknown }> = {
  openai: {
    headers: { "retry-after-ms": String(RETRY_AFTER_MS), "x-request-id": "req_rl" },
    body: { error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" } },
  },
  anthropic: {
    headers: { "retry-after": String(RETRY_AFTER_MS / 1000), "request-id": "req_rl" },
    body: { type: "error", error: { type: "rate_limit_error", message: "Rate limited" } },
  },
  google: {
    headers: {},
    body: {
      error: {
        code: 429,
        message: "Resource has been exhausted",
        status: "RESOURCE_EXHAUSTED",
        details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${RETRY_AFTER_MS / 1000}s` }],
      },
    },
  },
};

const SUCCESS: Record<"openai" | "anthropic" | "google", TimedWrite[]> = {
  openai: [
    { atMs: 0, text: openaiDelta({ role: "assistant", content: "" }) },
    { atMs: FIRST_TEXT_MS, text: openaiDelta({ content: "Paris" }) },
    { atMs: 120, text: openaiDelta({}, "stop") + openaiChunk([], { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 }) + "data: [DONE]\n\n" },
  ],
  anthropic: [
    { atMs: 0, text: anthropicStart(5) + anthropicEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
    { atMs: FIRST_TEXT_MS, text: anthropicDelta(0, "Paris") },
    { atMs: 120, text: anthropicEvent({ type: "content_block_stop", index: 0 }) + anthropicEnd(1) },
  ],
  google: [
    { atMs: FIRST_TEXT_MS, text: geminiChunk([{ text: "Paris" }]) },
    { atMs: 120, text: geminiChunk(null, { finish: "STOP", usage: { promptTokenCount: 5, candidatesTokenCount: 1, totalTokenCount: 6 } }) },
  ],
};

/** Starts a server that rate-limits the first request and streams a reply to every later one. */
function limitedOnce(provider: "openai" | "anthropic" | "google") {
  let count = 0;
  return startReplayServer((_request: RecordedRequest): ReplayResponse => {
    count++;
    if (count === 1) {
      const limit = RATE_LIMITS[provider];
      return {
        status: 429,
        headers: { "content-type": "application/json", ...limit.headers },
        body: [{ bytes: encoder.encode(JSON.stringify(limit.body)), delayMs: 30 }],
      };
    }
    return { body: piecesAt(SUCCESS[provider]) };
  });
}

async function runWithRetries(provider: "openai" | "anthropic" | "google", maxRetries: number) {
  const server = limitedOnce(provider);
  const runDir = await Deno.makeTempDir();
  const ref = `${provider}:${MODELS[provider]}`;
  const spec = parseSpec({
    name: "retry",
    models: [ref],
    datasets: ["geo"],
    max_output_tokens: 64,
    retries: { max_retries: maxRetries, base_delay_ms: 50, max_delay_ms: 5000 },
  });
  const recorder = await TrialRecorder.open(runDir, { recordStreams: false, maxOutputTokens: 64 });
  const clock = () => performance.now();
  const endpoint = resolveEndpoint(provider as ProviderName, {}, server.url, "emulator");
  const context: TrialRunContext = {
    spec,
    runId: "retry",
    clock,
    origin: clock(),
    originUnixMs: Date.now(),
    adapters: new Map([[ref, createAdapter(provider, endpoint, { clock })]]),
    endpoints: new Map([[ref, endpoint]]),
    providers: new Map([[ref, provider]]),
    priceRows: [],
    recorder,
    budget: new CostBudget(null),
    cache: null,
    log: () => {},
    requestStop: () => {},
    inFlight: { current: 0, peak: 0 },
  };
  try {
    const plan = planFor(provider);
    const [phase] = planPhases([plan], spec);
    const record = await runTrial(plan, phase, clock(), 0, context);
    recorder.close();
    const attempts = (await Deno.readTextFile(join(runDir, "attempts.jsonl"))).trim().split("\n").filter(Boolean)
      .map((line) => JSON.parse(line) as TrialRecord);
    return { record: record!, attempts };
  } finally {
    await server.close();
  }
}

for (const provider of ["openai", "anthropic", "google"] as const) {
  Deno.test(`${provider} retried success keeps the model ttft`, async () => {
    const { record, attempts } = await runWithRetries(provider, 1);

    assert.equal(record.status, "ok");
    assert.equal(record.attempt, 2);
    assertBetween(record.retry_wait_ms, RETRY_AFTER_MS - 5, RETRY_AFTER_MS + 80, "retry_wait_ms");
    assertBetween(record.ttft_ms, FIRST_TEXT_MS, FIRST_TEXT_MS + 80, "ttft_ms of the successful attempt");
    assert.ok(record.user_ttft_ms! >= record.ttft_ms! + RETRY_AFTER_MS, `user_ttft_ms ${record.user_ttft_ms}`);
    assert.ok(record.user_e2e_ms! >= record.e2e_ms! + RETRY_AFTER_MS, `user_e2e_ms ${record.user_e2e_ms}`);
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0].attempt, 1);
    assert.equal(attempts[0].error_class, "rate_limited");
    assert.equal(attempts[0].error_http_status, 429);
  });

  Deno.test(`${provider} rate limit without retry is a failure`, async () => {
    const { record, attempts } = await runWithRetries(provider, 0);
    const fast: TrialRecord = { ...record, trial_id: "b", status: "ok", error_class: null, ttft_ms: 380, e2e_ms: 900 };
    fast.events = [{ kind: "text-delta", t_ms: fast.send_ms + 380, chars: 5 }];
    fast.end_ms = fast.send_ms + 900;
    const [summary] = deriveLatencySummary([record, fast]);

    assert.equal(record.status, "error");
    assert.equal(record.error_class, "rate_limited");
    assert.equal(record.error_http_status, 429);
    assert.equal(attempts.length, 0);
    assert.equal(summary.success_rate, 0.5);
    assert.equal(summary.metrics.ttft_ms.n, 1);
    assert.ok(Math.abs(summary.metrics.ttft_ms.p50! - 380) < 1e-9, `ttft p50 ${summary.metrics.ttft_ms.p50}`);
  });
}
