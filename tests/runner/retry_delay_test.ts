import assert from "node:assert/strict";
import { retryDelay } from "../../lib/runner/retry_delay.ts";

Deno.test("retry delay honours retry-after", () => {
  assert.equal(retryDelay(1, 2, 500, 20_000, () => 0.5), 2000);
});

Deno.test("retry delay ignores retry-after above the cap", () => {
  assert.equal(retryDelay(1, 120, 500, 20_000, () => 0), 500);
});

Deno.test("retry delay grows exponentially with jitter", () => {
  assert.equal(retryDelay(1, null, 500, 20_000, () => 0), 500);
  assert.equal(retryDelay(3, null, 500, 20_000, () => 0), 2000);
  assert.equal(retryDelay(3, null, 500, 20_000, () => 1), 1500);
  assert.equal(retryDelay(10, null, 500, 20_000, () => 0), 20_000);
});
