import assert from "node:assert/strict";
import { parseSpec } from "../../lib/spec/load_spec.ts";
import { SpecError } from "../../lib/spec/spec_error.ts";
import { loadSpec } from "../../lib/spec/load_spec.ts";

const base = { name: "s", models: ["openai:gpt-4o"], datasets: ["json-extraction"] };

function rejects(fields: Record<string, unknown>, field: string): SpecError {
  try {
    parseSpec({ ...base, ...fields });
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected SpecError, got ${error}`);
    assert.equal(error.field, field, error.message);
    return error;
  }
  assert.fail(`spec with ${JSON.stringify(fields)} was accepted`);
}

Deno.test("spec load defaults to a closed loop", () => {
  const spec = parseSpec(base);

  assert.equal(spec.load.mode, "closed");
  assert.equal(spec.load.sweep, null);
  assert.equal(spec.load.warmup_s, 0);
  assert.equal(spec.timeouts.idle_ms, null);
  assert.equal(spec.record_streams, false);
  assert.equal(spec.estimate_missing_usage, true);
  assert.equal(spec.emulator.profiles, null);
  assert.equal(spec.rescore_from, null);
});

Deno.test("default spec file stays valid", async () => {
  const spec = await loadSpec(new URL("../../specs/default.json", import.meta.url).pathname);
  assert.equal(spec.load.mode, "closed");
});

Deno.test("spec concurrency of zero is rejected", () => {
  const error = rejects({ concurrency: 0 }, "concurrency");
  assert.match(error.message, /0 or unbounded is not allowed/);
});

Deno.test("spec sweep level of zero is rejected", () => {
  rejects({ load: { sweep: [0, 4] } }, "load.sweep[0]");
});

Deno.test("spec sweep level listed twice is rejected", () => {
  rejects({ load: { sweep: [4, 4] } }, "load.sweep");
});

Deno.test("spec open loop needs a rate", () => {
  rejects({ load: { mode: "open" } }, "load.rate_per_s");
});

Deno.test("spec rate on a closed loop is rejected", () => {
  rejects({ load: { rate_per_s: 5 } }, "load.rate_per_s");
});

Deno.test("spec idle timeout above total is rejected", () => {
  rejects({ timeouts: { first_token_ms: 100, total_ms: 1000, idle_ms: 2000 } }, "timeouts.idle_ms");
});

Deno.test("spec unknown load field names the known ones", () => {
  const error = rejects({ load: { mode: "open", rate_per_s: 2, burst: 3 } }, "load.burst");
  assert.match(error.message, /warmup_s/);
});

Deno.test("spec open loop with poisson arrivals is accepted", () => {
  const spec = parseSpec({ ...base, load: { mode: "open", rate_per_s: 20, arrival: "poisson", seed: 7, warmup_s: 1, cooldown_s: 1 } });

  assert.equal(spec.load.rate_per_s, 20);
  assert.equal(spec.load.arrival, "poisson");
  assert.deepEqual(spec.load.goodput_targets, { ttft_ms: null, tpot_ms: null, e2e_ms: null });
});
