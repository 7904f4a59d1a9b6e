import assert from "node:assert/strict";
import { parseTimestamp } from "../../lib/importers/parse_timestamp.ts";
import { RowError } from "../../lib/importers/row_error.ts";

const NOON = Date.parse("2026-03-01T12:00:00Z");

Deno.test("parseTimestamp reads ISO with Z", () => {
  assert.equal(parseTimestamp("2026-03-01T12:00:00Z"), NOON);
});

Deno.test("parseTimestamp keeps milliseconds", () => {
  assert.equal(parseTimestamp("2026-03-01T12:00:00.250Z"), NOON + 250);
});

Deno.test("parseTimestamp applies a zone offset", () => {
  assert.equal(parseTimestamp("2026-03-01T14:00:00+02:00"), NOON);
});

Deno.test("parseTimestamp reads a space and no zone as UTC", () => {
  assert.equal(parseTimestamp("2026-03-01 12:00:00"), NOON);
});

Deno.test("parseTimestamp reads epoch seconds", () => {
  assert.equal(parseTimestamp(NOON / 1000), NOON);
});

Deno.test("parseTimestamp reads epoch milliseconds string", () => {
  assert.equal(parseTimestamp(String(NOON)), NOON);
});

Deno.test("parseTimestamp reads epoch nanoseconds", () => {
  assert.equal(parseTimestamp(NOON * 1e6), NOON);
});

Deno.test("parseTimestamp rejects a rolled-over date", () => {
  assert.throws(() => parseTimestamp("2026-02-30T12:00:00Z"), RowError);
});

Deno.test("parseTimestamp rejects words", () => {
  assert.throws(() => parseTimestamp("yesterday"), /timestamp is not an ISO 8601/);
});

Deno.test("parseTimestamp rejects a missing value", () => {
  assert.throws(() => parseTimestamp(undefined), /timestamp is missing/);
});
