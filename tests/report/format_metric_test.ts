import assert from "node:assert/strict";
import { formatMetric, MISSING } from "../../lib/report/format_metric.ts";

Deno.test("formatMetric null is a dash, not 0", () => {
  assert.deepEqual([formatMetric.ms(null), formatMetric.usd(null), formatMetric.pct(null)], [MISSING, MISSING, MISSING]);
});

Deno.test("formatMetric ms groups thousands", () => {
  assert.equal(formatMetric.ms(2100.4), "2,100");
});

Deno.test("formatMetric usd keeps three significant digits below a dollar", () => {
  assert.equal(formatMetric.usd(0.00345), "0.00345");
});

Deno.test("formatMetric pct drops a trailing .0", () => {
  assert.deepEqual([formatMetric.pct(0.85), formatMetric.pct(0.8333)], ["85%", "83.3%"]);
});
