import assert from "node:assert/strict";
import { resolveModel } from "../../lib/importers/resolve_model.ts";

Deno.test("resolveModel keeps a provider:model ref", () => {
  assert.deepEqual(resolveModel("anthropic:claude-sonnet-4-5", null), {
    model: "anthropic:claude-sonnet-4-5",
    provider: "anthropic",
  });
});

Deno.test("resolveModel maps gcp.gemini to google", () => {
  assert.deepEqual(resolveModel("gemini-2.5-flash", "gcp.gemini"), { model: "google:gemini-2.5-flash", provider: "google" });
});

Deno.test("resolveModel infers openai from gpt prefix", () => {
  assert.deepEqual(resolveModel("gpt-4o", null), { model: "openai:gpt-4o", provider: "openai" });
});

Deno.test("resolveModel keeps an unknown provider unprefixed", () => {
  assert.deepEqual(resolveModel("mistral-large", "mistral_ai"), { model: "mistral-large", provider: "mistral_ai" });
});

Deno.test("resolveModel keeps an unknown name without provider", () => {
  assert.deepEqual(resolveModel("llama3.1:8b", null), { model: "llama3.1:8b", provider: null });
});
