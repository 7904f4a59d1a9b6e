import assert from "node:assert/strict";
import type { TrialPoint } from "../../lib/charts/chart_types.ts";
import { renderChart } from "../../lib/charts/render_chart.ts";
import { ttftByModelSpec } from "../../lib/charts/ttft_by_model_spec.ts";

const POINTS: TrialPoint[] = [200, 250, 320, null].map((ttft, i) => ({
  model: i % 2 === 0 ? "openai:gpt-4o" : "google:gemini-2.5-flash",
  dataset: "json-extraction",
  ttft_ms: ttft,
  e2e_ms: 1000,
  output_tps: 80,
  input_tokens: 900,
}));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

Deno.test("renderChart svg draws the x axis title as text", async () => {
  const { svg } = await renderChart(ttftByModelSpec(POINTS));
  assert.match(svg, /<text[^>]*>Time to first token \(ms\)<\/text>/);
});

Deno.test("renderChart svg draws the y axis title as text", async () => {
  const { svg } = await renderChart(ttftByModelSpec(POINTS));
  assert.match(svg, /<text[^>]*>Model<\/text>/);
});

Deno.test("renderChart svg draws the chart title as text", async () => {
  const { svg } = await renderChart(ttftByModelSpec(POINTS));
  assert.match(svg, /<text[^>]*>Time to first token by model<\/text>/);
});

Deno.test("renderChart png has the PNG signature", async () => {
  const { png } = await renderChart(ttftByModelSpec(POINTS));
  assert.deepEqual([...png.slice(0, 8)], PNG_SIGNATURE);
});

Deno.test("renderChart png is larger than the svg viewport", async () => {
  const { svg, png } = await renderChart(ttftByModelSpec(POINTS));
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
  assert.equal(pngWidth, svgWidth * 2);
});

Deno.test("renderChart escapes markup in model names", async () => {
  const hostile = POINTS.map((p) => ({ ...p, model: "<script>alert(1)</script>" }));
  const { svg } = await renderChart(ttftByModelSpec(hostile));
  assert.equal(svg.includes("<script>"), false);
});

Deno.test("renderChart rejects a non-object spec", async () => {
  // deno-lint-ignore no-explicit-any
  await assert.rejects(renderChart(null as any), /spec must be a Vega-Lite spec/);
});
