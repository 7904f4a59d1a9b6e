import assert from "node:assert/strict";
import { redactSecrets } from "../../lib/providers/redact_secrets.ts";

Deno.test("redactSecrets removes key shapes", () => {
  assert.equal(redactSecrets("key sk-proj-abcDEF123456 bad"), "key [REDACTED] bad");
  assert.equal(redactSecrets("key sk-ant-api03-abc_DEF-123456"), "key [REDACTED]");
  assert.equal(redactSecrets("key=AIzaSyA1234567890abcdefXYZ."), "key=[REDACTED].");
});

Deno.test("redactSecrets removes exact secrets", () => {
  assert.equal(redactSecrets("token local-SECRET000 rejected", ["local-SECRET000"]), "token [REDACTED] rejected");
  assert.equal(redactSecrets("a abcd-long-key b abcd", ["abcd", "abcd-long-key"]), "a [REDACTED] b [REDACTED]");
});

Deno.test("redactSecrets keeps ordinary text", () => {
  assert.equal(redactSecrets("use sk-learn and the emulator", ["ab"]), "use sk-learn and the emulator");
});
