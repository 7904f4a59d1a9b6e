import assert from "node:assert/strict";
import { parseModelRef } from "../../lib/providers/parse_model_ref.ts";

Deno.test("parseModelRef splits provider and model", () => {
  assert.deepEqual(parseModelRef("openai:gpt-4o"), { provider: "openai", model: "gpt-4o", ref: "openai:gpt-4o" });
  assert.deepEqual(parseModelRef("anthropic:claude-sonnet-4-5"), {
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    ref: "anthropic:claude-sonnet-4-5",
  });
  assert.deepEqual(parseModelRef("google:gemini-2.5-flash").provider, "google");
});

Deno.test("parseModelRef keeps colons in model names", () => {
  assert.deepEqual(parseModelRef("openai-compatible:llama3.1:8b"), {
    provider: "openai-compatible",
    model: "llama3.1:8b",
    ref: "openai-compatible:llama3.1:8b",
  });
});

Deno.test("parseModelRef trims whitespace", () => {
  assert.equal(parseModelRef("  openai : gpt-4o-mini ").ref, "openai:gpt-4o-mini");
});

Deno.test("parseModelRef rejects missing provider", () => {
  assert.throws(() => parseModelRef("gpt-4o"), (error: Error) => {
    assert.match(error.message, /"gpt-4o"/);
    assert.match(error.message, /provider:model/);
    assert.match(error.message, /openai:gpt-4o/);
    return true;
  });
});

Deno.test("parseModelRef rejects unknown provider", () => {
  assert.throws(() => parseModelRef("mistral:large"), (error: Error) => {
    assert.match(error.message, /unknown provider "mistral"/);
    assert.match(error.message, /openai, anthropic, google, openai-compatible/);
    assert.match(error.message, /openai-compatible:large/);
    return true;
  });
});

Deno.test("parseModelRef rejects empty model", () => {
  assert.throws(() => parseModelRef("anthropic:"), /model name after "anthropic:" is empty.*anthropic:claude/);
});

Deno.test("parseModelRef rejects non-string", () => {
  assert.throws(() => parseModelRef(42 as unknown as string), /Invalid model reference 42: expected a string/);
});
