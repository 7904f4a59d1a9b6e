import assert from "node:assert/strict";
import { EMULATOR_API_KEY, resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";

const EMULATOR = "http://127.0.0.1:8787/";

Deno.test("resolveEndpoint auto uses real api when key set", () => {
  assert.deepEqual(resolveEndpoint("openai", { OPENAI_API_KEY: "sk-live" }, EMULATOR, "auto"), {
    kind: "real",
    baseURL: "https://api.openai.com/v1",
    apiKey: "sk-live",
  });
  assert.equal(resolveEndpoint("anthropic", { ANTHROPIC_API_KEY: "sk-ant-live" }, EMULATOR, "auto").kind, "real");
  assert.equal(resolveEndpoint("anthropic", { ANTHROPIC_API_KEY: "sk-ant-live" }, EMULATOR, "auto").baseURL, "https://api.anthropic.com");
});

Deno.test("resolveEndpoint auto falls back to emulator", () => {
  assert.deepEqual(resolveEndpoint("openai", {}, EMULATOR, "auto"), {
    kind: "emulated",
    baseURL: "http://127.0.0.1:8787/v1",
    apiKey: EMULATOR_API_KEY,
  });
});

Deno.test("resolveEndpoint auto ignores blank key", () => {
  assert.equal(resolveEndpoint("openai", { OPENAI_API_KEY: "  " }, EMULATOR, "auto").kind, "emulated");
});

Deno.test("resolveEndpoint emulator base urls", () => {
  const env = { OPENAI_API_KEY: "sk-live", ANTHROPIC_API_KEY: "k", GEMINI_API_KEY: "g", OPENAI_COMPATIBLE_BASE_URL: "http://gpu:8000/v1" };
  assert.equal(resolveEndpoint("openai", env, EMULATOR, "emulator").baseURL, "http://127.0.0.1:8787/v1");
  assert.equal(resolveEndpoint("anthropic", env, EMULATOR, "emulator").baseURL, "http://127.0.0.1:8787");
  assert.equal(resolveEndpoint("google", env, EMULATOR, "emulator").baseURL, "http://127.0.0.1:8787");
  assert.equal(resolveEndpoint("openai-compatible", env, EMULATOR, "emulator").baseURL, "http://127.0.0.1:8787/v1");
  assert.equal(resolveEndpoint("openai", env, EMULATOR, "emulator").apiKey, "emulator");
  assert.equal(resolveEndpoint("openai", env, EMULATOR, "emulator").kind, "emulated");
});

Deno.test("resolveEndpoint google reads either key", () => {
  assert.equal(resolveEndpoint("google", { GEMINI_API_KEY: "gem" }, null, "auto").apiKey, "gem");
  assert.equal(resolveEndpoint("google", { GOOGLE_API_KEY: "goo" }, null, "auto").apiKey, "goo");
  assert.equal(resolveEndpoint("google", { GEMINI_API_KEY: "gem", GOOGLE_API_KEY: "goo" }, null, "real").apiKey, "gem");
  assert.equal(resolveEndpoint("google", { GOOGLE_API_KEY: "goo" }, null, "real").baseURL, "https://generativelanguage.googleapis.com");
});

Deno.test("resolveEndpoint openai-compatible needs base url", () => {
  assert.deepEqual(resolveEndpoint("openai-compatible", { OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1" }, null, "auto"), {
    kind: "real",
    baseURL: "http://127.0.0.1:11434/v1",
    apiKey: "unused",
  });
  assert.equal(
    resolveEndpoint("openai-compatible", { OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:8000/v1", OPENAI_COMPATIBLE_API_KEY: "tok" }, null, "real").apiKey,
    "tok",
  );
  // A key alone does not make a real endpoint: the server has no default URL.
  assert.equal(resolveEndpoint("openai-compatible", { OPENAI_COMPATIBLE_API_KEY: "tok" }, EMULATOR, "auto").kind, "emulated");
});

Deno.test("resolveEndpoint real without key names variable", () => {
  assert.throws(() => resolveEndpoint("openai", {}, EMULATOR, "real"), /OPENAI_API_KEY is not set/);
  assert.throws(() => resolveEndpoint("anthropic", {}, EMULATOR, "real"), /ANTHROPIC_API_KEY is not set/);
  assert.throws(() => resolveEndpoint("google", {}, EMULATOR, "real"), /GEMINI_API_KEY \(or GOOGLE_API_KEY\) is not set/);
  assert.throws(() => resolveEndpoint("openai-compatible", {}, EMULATOR, "real"), /OPENAI_COMPATIBLE_BASE_URL is not set/);
});

Deno.test("resolveEndpoint without emulator url", () => {
  assert.throws(() => resolveEndpoint("openai", {}, null, "auto"), /OPENAI_API_KEY is not set and no emulator URL was given/);
  assert.throws(() => resolveEndpoint("anthropic", { ANTHROPIC_API_KEY: "k" }, null, "emulator"), /no emulator URL was given/);
});

Deno.test("resolveEndpoint rejects invalid input", () => {
  assert.throws(() => resolveEndpoint("mistral" as "openai", {}, EMULATOR, "auto"), /Unknown provider "mistral"/);
  assert.throws(() => resolveEndpoint("openai", {}, EMULATOR, "fake" as "auto"), /Invalid endpoint mode "fake"/);
  assert.throws(() => resolveEndpoint("openai", {}, "127.0.0.1:8787", "emulator"), /Invalid emulator URL "127.0.0.1:8787"/);
  assert.throws(
    () => resolveEndpoint("openai-compatible", { OPENAI_COMPATIBLE_BASE_URL: "ftp://host" }, null, "auto"),
    /Invalid OPENAI_COMPATIBLE_BASE_URL "ftp:\/\/host": the scheme must be http or https/,
  );
});

Deno.test("resolveEndpoint errors never show keys", () => {
  try {
    resolveEndpoint("openai-compatible", { OPENAI_COMPATIBLE_BASE_URL: "not a url", OPENAI_COMPATIBLE_API_KEY: "sk-test-SECRET123" }, null, "auto");
    assert.fail("expected an error");
  } catch (error) {
    assert.ok(!String((error as Error).message).includes("SECRET123"));
  }
});
