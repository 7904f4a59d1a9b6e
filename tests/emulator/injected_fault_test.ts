import assert from "node:assert/strict";
import { FAULT_KINDS, type FaultKind } from "../../lib/emulator/fault_kinds.ts";
import { startEmulator } from "../../lib/emulator/start_emulator.ts";
import { loadProfiles } from "../../lib/emulator/load_profiles.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import type { ErrorClass } from "../../lib/providers/types.ts";
import { runAttempt } from "../../lib/runner/run_attempt.ts";
import { buildTrialRecord } from "../../lib/runner/build_trial_record.ts";
import type { TrialPlan } from "../../lib/runner/expand_trials.ts";

const fast = {
  model_version: null,
  context_window: 5000,
  max_output_tokens: 4096,
  ttft_ms: 20,
  ttft_ms_per_1k_input_tokens: 0,
  output_tokens_per_s: 2000,
  jitter: 0,
  thinking: 0,
  accuracy: { default: 1 },
  supports_images: false,
};
const PROVIDERS = { openai: "openai", anthropic: "anthropic", google: "google" } as const;
type Provider = keyof typeof PROVIDERS;

/** The error class each injected fault must produce, per provider. */
const EXPECTED: Record<FaultKind, ErrorClass | Record<Provider, ErrorClass>> = {
  rate_limit: "rate_limited",
  overloaded: "overloaded",
  server_500: "server",
  server_503: "server",
  auth: "auth",
  context_length: "context_length_exceeded",
  // Anthropic's usual in-stream error is overloaded_error; OpenAI and Gemini send a server error.
  midstream_error: { openai: "server", anthropic: "overloaded", google: "server" },
  drop: "network",
  stall: "timeout_first_token",
  stall_midstream: "timeout_total",
  malformed_sse: "invalid_response",
  empty_output: "empty_output",
  content_filter: "content_filter",
};

async function profilesFile(extra: Record<string, unknown> = {}): Promise<string> {
  const profiles: Record<string, unknown> = { default: { ...fast, provider: "openai-compatible" }, ...extra };
  for (const [name, provider] of Object.entries(PROVIDERS)) {
    for (const fault of FAULT_KINDS) profiles[`${name}-${fault}`] = { ...fast, provider, faults: { rates: { [fault]: 1 }, retry_after_ms: 250 } };
  }
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(path, JSON.stringify(profiles));
  return path;
}

const plan = (model: string) => ({
  trial_id: model,
  model,
  dataset: "d",
  item: { id: "i", kind: "qa", messages: [{ role: "user", content: "Tell a long story about load tests." }], reference: "", scorer: { name: "exact", expected: "x" }, tags: [] },
  repetition: 1,
}) as TrialPlan;

for (const provider of Object.keys(PROVIDERS) as Provider[]) {
  Deno.test(`${provider} injected faults get their error classes`, async () => {
    const emulator = await startEmulator({ profilesPath: await profilesFile(), datasetsDir: await Deno.makeTempDir() });
    try {
      const clock = () => performance.now();
      const adapter = createAdapter(provider, resolveEndpoint(provider, {}, emulator.url, "emulator"), { clock });
      const records = await Promise.all(FAULT_KINDS.map(async (fault) => {
        const model = `${provider}-${fault}`;
        const origin = clock();
        const outcome = await runAttempt(
          adapter,
          { model, messages: plan(model).item.messages, maxOutputTokens: 40 },
          { clock, origin, firstTokenTimeoutMs: 500, totalTimeoutMs: 3000, idleTimeoutMs: 400 },
        );
        const context = { runId: "faults", provider, endpointKind: "emulated" as const, attempt: 1, scheduledMs: 0, startedAt: new Date() };
        return { fault, outcome, record: buildTrialRecord(plan(`${provider}:${model}`), outcome, context, null, null) };
      }));

      for (const { fault, outcome, record } of records) {
        const expected = EXPECTED[fault];
        assert.equal(record.error_class, typeof expected === "string" ? expected : expected[provider], `${fault}: ${record.error_message}`);
        if (fault === "rate_limit") assert.ok(outcome.error!.retryAfterSeconds! > 0, "rate_limit carries a retry-after");
        const partial = ["midstream_error", "drop", "stall_midstream", "malformed_sse", "content_filter"].includes(fault);
        assert.equal(record.output_text.length > 0, partial, `${fault}: output before the fault`);
      }
    } finally {
      await emulator.close();
    }
  });
}

Deno.test("fault header forces a rate limit", async () => {
  const emulator = await startEmulator({ profilesPath: await profilesFile(), datasetsDir: await Deno.makeTempDir() });
  try {
    const response = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json", "x-emulator-fault": "rate_limit", "x-emulator-retry-after-ms": "1500" },
      body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }], stream: true }),
    });
    const body = await response.json();

    assert.equal(response.status, 429);
    assert.equal(response.headers.get("retry-after"), "2");
    assert.equal(response.headers.get("retry-after-ms"), "1500");
    assert.equal(body.error.code, "rate_limit_exceeded");
  } finally {
    await emulator.close();
  }
});

Deno.test("fault header none overrides the profile", async () => {
  const emulator = await startEmulator({ profilesPath: await profilesFile(), datasetsDir: await Deno.makeTempDir() });
  try {
    const response = await fetch(`${emulator.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json", "x-emulator-fault": "none" },
      body: JSON.stringify({ model: "anthropic-overloaded", max_tokens: 5, messages: [{ role: "user", content: "hi" }] }),
    });
    await response.body?.cancel();

    assert.equal(response.status, 200);
  } finally {
    await emulator.close();
  }
});

Deno.test("unknown fault header is a 400 listing the kinds", async () => {
  const emulator = await startEmulator({ profilesPath: await profilesFile(), datasetsDir: await Deno.makeTempDir() });
  try {
    const response = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json", "x-emulator-fault": "meteor" },
      body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }),
    });
    const body = await response.json();

    assert.equal(response.status, 400);
    assert.match(body.error.message, /stall_midstream/);
  } finally {
    await emulator.close();
  }
});

Deno.test("fault rates repeat with the seed", async () => {
  const path = await profilesFile({ mixed: { ...fast, provider: "openai-compatible", faults: { rates: { server_500: 0.3, rate_limit: 0.3 } } } });
  const statuses = async (seed: number) => {
    const emulator = await startEmulator({ profilesPath: path, datasetsDir: await Deno.makeTempDir(), seed });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`${emulator.url}/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: "Bearer k", "content-type": "application/json" },
          body: JSON.stringify({ model: "mixed", messages: [{ role: "user", content: "same prompt" }], max_tokens: 3 }),
        });
        await response.body?.cancel();
        seen.push(response.status);
      }
      return seen;
    } finally {
      await emulator.close();
    }
  };
  const first = await statuses(5);

  assert.deepEqual(await statuses(5), first);
  assert.ok(first.includes(500), `statuses ${first}`);
  assert.ok(first.includes(429), `statuses ${first}`);
  assert.ok(first.includes(200), `statuses ${first}`);
});

Deno.test("fault rates above one are rejected", async () => {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(path, JSON.stringify({ default: { ...fast, provider: "openai-compatible", faults: { rates: { drop: 0.7, stall: 0.6 } } } }));

  await assert.rejects(loadProfiles(path), /add up to at most 1/);
});
