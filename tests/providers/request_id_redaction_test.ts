import assert from "node:assert/strict";
import { classifyError } from "../../lib/providers/classify_error.ts";

Deno.test("request id echoing the key is redacted", () => {
  const key = "sk-test-ECHOED-KEY-123456";
  const headers = new Headers({ "x-request-id": `req_${key}` });
  const info = classifyError(new TypeError("fetch failed"), { secrets: [key], headers });
  assert.ok(info.requestId !== null);
  assert.ok(!info.requestId.includes(key), info.requestId);
});

Deno.test("plain request id is kept", () => {
  const headers = new Headers({ "x-request-id": "req_abc123" });
  const info = classifyError(new TypeError("fetch failed"), { secrets: ["sk-test-OTHER-KEY-123456"], headers });
  assert.equal(info.requestId, "req_abc123");
});
