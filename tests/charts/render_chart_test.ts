import assert from "node:assert/strict";
import { renderChart } from "../../lib/charts/render_chart.ts";
import { ttftDistributionSpec } from "../../lib/charts/ttft_distribution_spec.ts";
import { SAMPLE_SPECS, TRIALS } from "./_sample_specs.ts";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const rendered = new Map<string, Promise<{ svg: string; png: Uint8Array }>>();
const render = (name: string) => {
  if (!rendered.has(name)) rendered.set(name, renderChart(SAMPLE_SPECS.find((s) => s.name === name)!.spec));
  return rendered.get(name)!;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

for (const { name, title, axes } of SAMPLE_SPECS) {
  Deno.test(`renderChart ${name} draws its title as svg text`, async () => {
    assert.match((await render(name)).svg, new RegExp(`<text[^>]*>${escapeRegExp(title)}</text>`));
  });
  Deno.test(`renderChart ${name} draws its axis titles as svg text`, async () => {
    const { svg } = await render(name);
    assert.deepEqual(axes.filter((axis) => !new RegExp(`<text[^>]*>${escapeRegExp(axis)}</text>`).test(svg)), []);
  });
  Deno.test(`renderChart ${name} png has the PNG signature`, async () => {
    assert.deepEqual([...(await render(name)).png.slice(0, 8)], PNG_SIGNATURE);
  });
}

Deno.test("renderChart png is twice the svg width", async () => {
  const { svg, png } = await renderChart(ttftDistributionSpec(TRIALS));
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
  assert.equal(pngWidth, svgWidth * 2);
});

Deno.test("renderChart escapes markup in model names", async () => {
  const hostile = TRIALS.map((p) => ({ ...p, model: "<script>alert(1)</script>" }));
  const { svg } = await renderChart(ttftDistributionSpec(hostile));
  assert.equal(svg.includes("<script>"), false);
});

Deno.test("renderChart rejects a non-object spec", async () => {
  // deno-lint-ignore no-explicit-any
  await assert.rejects(renderChart(null as any), /spec must be a Vega-Lite spec/);
});
