import assert from "node:assert/strict";
import { classifyStatus } from "../../lib/importers/classify_status.ts";

Deno.test("classifyStatus ok word", () => {
  assert.deepEqual(classifyStatus("Success"), {
    status: "ok",
    error_class: null,
    error_http_status: null,
    error_provider_code: null,
  });
});

Deno.test("classifyStatus http 200 is ok", () => {
  assert.equal(classifyStatus(200).status, "ok");
});

Deno.test("classifyStatus http 429 is rate_limited", () => {
  assert.deepEqual(classifyStatus("429"), {
    status: "error",
    error_class: "rate_limited",
    error_http_status: 429,
    error_provider_code: null,
  });
});

Deno.test("classifyStatus 529 is overloaded", () => {
  assert.equal(classifyStatus(529).error_class, "overloaded");
});

Deno.test("classifyStatus 500 is server", () => {
  assert.equal(classifyStatus(500).error_class, "server");
});

Deno.test("classifyStatus keeps a known error class", () => {
  assert.equal(classifyStatus("error", "context_length_exceeded").error_class, "context_length_exceeded");
});

Deno.test("classifyStatus keeps an unknown error type as provider code", () => {
  const outcome = classifyStatus("failed", "SomeSdkError");
  assert.equal(outcome.error_class, "unknown");
  assert.equal(outcome.error_provider_code, "SomeSdkError");
});

Deno.test("classifyStatus reads a timeout error type", () => {
  assert.equal(classifyStatus("error", "timeout").error_class, "timeout_total");
});

Deno.test("classifyStatus reads an http error type", () => {
  assert.equal(classifyStatus("error", "429").error_class, "rate_limited");
});

Deno.test("classifyStatus rejects an unknown word", () => {
  assert.throws(() => classifyStatus("maybe"), /status is not a known word/);
});
