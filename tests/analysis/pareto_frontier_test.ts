import assert from "node:assert/strict";
import { type ParetoInput, paretoFrontier } from "../../lib/analysis/pareto_frontier.ts";

function model(name: string, pass: number | null, cost: number | null, ttft: number | null): ParetoInput {
  return { model: name, pass_rate: pass, cost_per_1k_requests_usd: cost, ttft_p50_ms: ttft };
}

const POINTS = paretoFrontier([
  model("a", 0.9, 5, 500),
  // Worse than a on all three axes: 0.8 < 0.9, $6 > $5, 600 > 500 ms.
  model("b", 0.8, 6, 600),
  // Cheapest and fastest, least accurate: no model beats it on cost or latency.
  model("c", 0.7, 1, 300),
  // Equal to a on every axis: neither dominates the other.
  model("d", 0.9, 5, 500),
  // As accurate and fast as a but dearer: dominated by a and d.
  model("e", 0.9, 7, 500),
  model("f", 0.95, null, 200),
]);
const byName = Object.fromEntries(POINTS.map((p) => [p.model, p]));

Deno.test("paretoFrontier worse on every axis is dominated", () => {
  assert.deepEqual([byName.b.on_frontier, byName.b.dominated_by], [false, ["a", "d"]]);
});

Deno.test("paretoFrontier cheapest model stays on the frontier", () => {
  assert.equal(byName.c.on_frontier, true);
});

Deno.test("paretoFrontier ties do not dominate each other", () => {
  assert.deepEqual([byName.a.on_frontier, byName.d.on_frontier], [true, true]);
});

Deno.test("paretoFrontier one worse axis is enough", () => {
  assert.deepEqual(byName.e.dominated_by, ["a", "d"]);
});

Deno.test("paretoFrontier missing cost leaves the model out", () => {
  assert.deepEqual([byName.f.on_frontier, byName.f.missing], [null, ["cost_per_1k_requests_usd"]]);
});

Deno.test("paretoFrontier rejects NaN", () => {
  assert.throws(() => paretoFrontier([model("x", NaN, 1, 1)]), /pass_rate of x/);
});
