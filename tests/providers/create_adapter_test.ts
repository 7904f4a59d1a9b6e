import assert from "node:assert/strict";
import type { Endpoint } from "../../lib/providers/types.ts";
import { createAdapter, defaultTransport } from "../../lib/providers/create_adapter.ts";

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

Deno.test("defaultTransport picks socket for http", () => {
  assert.equal(defaultTransport({ kind: "emulated", baseURL: "http://127.0.0.1:4000/v1", apiKey: "k" }), "socket");
  assert.equal(defaultTransport({ kind: "real", baseURL: "https://api.openai.com/v1", apiKey: "k" }), "fetch");
  assert.equal(defaultTransport({ kind: "real", apiKey: "k" }), "fetch");
});

Deno.test("defaultTransport picks fetch behind proxy", () => {
  const saved = ["HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"].map((name) => [name, Deno.env.get(name)] as const);
  for (const [name] of saved) Deno.env.delete(name);
  Deno.env.set("HTTP_PROXY", "http://127.0.0.1:3128");
  Deno.env.set("NO_PROXY", "localhost,.internal");
  try {
    assert.equal(defaultTransport({ kind: "real", baseURL: "http://127.0.0.1:11434/v1", apiKey: "k" }), "fetch");
    assert.equal(defaultTransport({ kind: "emulated", baseURL: "http://127.0.0.1:4000/v1", apiKey: "k" }), "socket");
    assert.equal(defaultTransport({ kind: "real", baseURL: "http://localhost:11434/v1", apiKey: "k" }), "socket");
    assert.equal(defaultTransport({ kind: "real", baseURL: "http://vllm.internal:8000/v1", apiKey: "k" }), "socket");
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Deno.env.delete(name);
      else Deno.env.set(name, value);
    }
  }
});

Deno.test("createAdapter rejects unknown transport", () => {
  assert.throws(() => createAdapter("openai", LOCAL, { transport: "curl" as "fetch" }), /Invalid options.transport "curl": expected one of socket, fetch/);
});
