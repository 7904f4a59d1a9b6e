import assert from "node:assert/strict";
import { parseDuration } from "../../lib/trends/parse_duration.ts";

Deno.test("parseDuration hours", () => {
  assert.equal(parseDuration("6h"), 6 * 3_600_000);
});

Deno.test("parseDuration each unit", () => {
  assert.deepEqual(["90s", "15m", "1d"].map(parseDuration), [90_000, 900_000, 86_400_000]);
});

Deno.test("parseDuration fractions", () => {
  assert.equal(parseDuration("1.5h"), 5_400_000);
});

Deno.test("parseDuration rejects a missing unit", () => {
  assert.throws(() => parseDuration("6"), /invalid duration "6"/);
});

Deno.test("parseDuration rejects zero", () => {
  assert.throws(() => parseDuration("0m"), RangeError);
});
