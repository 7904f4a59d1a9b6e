import assert from "node:assert/strict";
import type { Endpoint } from "../../lib/providers/types.ts";
import { createAdapter } from "../../lib/providers/create_adapter.ts";

const LOCAL: Endpoint = { kind: "emulated", baseURL: "http://127.0.0.1:9/v1", apiKey: "emulator" };

Deno.test("createAdapter picks adapter per provider", () => {
  assert.equal(createAdapter("openai", LOCAL).provider, "openai");
  assert.equal(createAdapter("openai-compatible", LOCAL).provider, "openai-compatible");
  assert.equal(createAdapter("anthropic", LOCAL).provider, "anthropic");
  assert.equal(createAdapter("google", LOCAL).provider, "google");
});

Deno.test("createAdapter rejects unknown provider", () => {
  assert.throws(() => createAdapter("mistral" as "openai", LOCAL), /Unknown provider "mistral"/);
});

Deno.test("createAdapter rejects invalid endpoint", () => {
  assert.throws(() => createAdapter("openai", { ...LOCAL, apiKey: "" }), /Invalid endpoint.apiKey/);
  assert.throws(() => createAdapter("openai", { ...LOCAL, kind: "local" as "real" }), /Invalid endpoint.kind "local"/);
  assert.throws(() => createAdapter("openai", { ...LOCAL, baseURL: "localhost" }), /Invalid endpoint.baseURL "localhost"/);
  assert.throws(() => createAdapter("openai-compatible", { kind: "real", apiKey: "k" }), /Missing endpoint.baseURL/);
});

Deno.test("createAdapter rejects invalid clock", () => {
  assert.throws(() => createAdapter("openai", LOCAL, { clock: 5 as unknown as () => number }), /Invalid options.clock/);
});
