import assert from "node:assert/strict";
import { chartBundle, VEGA_LITE_MIME } from "../../lib/notebook/chart_bundle.ts";

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title: "Median TTFT",
  data: { values: [{ model: "a", ms: 120 }, { model: "b", ms: 340 }] },
  mark: "bar" as const,
  encoding: {
    x: { field: "model", type: "nominal" as const },
    y: { field: "ms", type: "quantitative" as const },
  },
};

Deno.test("chart bundle holds spec, svg and title", async () => {
  const bundle = await chartBundle(spec);

  assert.deepEqual(bundle[VEGA_LITE_MIME], spec);
  assert.match(bundle["image/svg+xml"] as string, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(bundle["image/svg+xml"] as string, /Median TTFT/);
  assert.equal(bundle["text/plain"], "Median TTFT");
});

Deno.test("chart bundle draws one bar per row", async () => {
  const svg = (await chartBundle(spec))["image/svg+xml"] as string;
  assert.equal(svg.match(/aria-roledescription="bar"/g)?.length, 2);
});

Deno.test("chart bundle leaves the caller's spec unchanged", async () => {
  const copy = structuredClone(spec);
  await chartBundle(copy);
  assert.deepEqual(copy, spec);
  assert.equal(Object.getOwnPropertySymbols(copy.data.values[0]).length, 0);
});

Deno.test("chart bundle reads an object title", async () => {
  const bundle = await chartBundle({ ...spec, title: { text: "Cost", subtitle: "per 1k requests" } });
  assert.equal(bundle["text/plain"], "Cost");
});

Deno.test("chart bundle falls back to a generic title", async () => {
  const { title: _, ...untitled } = spec;
  assert.equal((await chartBundle(untitled))["text/plain"], "Vega-Lite chart");
});

Deno.test("chart bundle rejects an invalid spec", async () => {
  await assert.rejects(chartBundle({ mark: "no-such-mark" } as never), /Vega-Lite could not compile the chart spec/);
});
