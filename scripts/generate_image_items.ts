/**
 * Writes datasets/images.jsonl: questions about charts and tables that this project draws
 * itself (Vega-Lite → PNG with lib/charts/render_chart.ts), so every answer is known from
 * the data behind the picture. The data come from fixed seeds, so the questions and
 * answers are the same on every run. The PNG bytes depend on the renderer and font versions.
 *
 *   deno run -A scripts/generate_image_items.ts [--out datasets/images.jsonl]
 */
import { Buffer } from "node:buffer";
import { parseArgs } from "node:util";
import type { ChartSpec } from "../lib/charts/chart_types.ts";
import { renderChart } from "../lib/charts/render_chart.ts";
import { formatItemLine } from "../lib/datasets/format_item_line.ts";
import { loadDataset } from "../lib/datasets/load_dataset.ts";
import type { DatasetItem } from "../lib/datasets/schema.ts";
import { type SeededRandom, seededRandom } from "../lib/emulator/seeded_random.ts";

const SYSTEM = "You read charts and tables for an operations team. Answer the question about the image with the " +
  "value or the name only, exactly as the image labels it: no explanation.";
const SERVICES = ["checkout", "search", "auth", "billing", "catalog", "profile", "inventory", "shipping", "reviews", "gateway"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const REGIONS = ["us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast", "sa-east"];
const ENDPOINTS = ["GET /orders", "POST /orders", "GET /users/:id", "PUT /cart", "POST /login", "GET /search", "DELETE /sessions"];
const BASE = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", background: "white", config: { font: "sans-serif" } };

interface Question {
  question: string;
  answer: string;
  /** A plausible misreading: the runner-up, a neighbour's value. */
  wrong: string;
  numeric: boolean;
  tags: string[];
}

interface Figure {
  name: string;
  spec: ChartSpec;
  questions: Question[];
}

/** Distinct values whose largest and smallest stand out by at least `gap` from the others. */
function distinctValues(random: SeededRandom, count: number, min: number, max: number, gap: number): number[] {
  while (true) {
    const values = Array.from({ length: count }, () => random.integer(min, max));
    const sorted = [...values].sort((a, b) => a - b);
    const spread = sorted.every((value, i) => i === 0 || value - sorted[i - 1] >= gap);
    if (spread && new Set(values).size === count) return values;
  }
}

function pickDistinct<T>(random: SeededRandom, pool: readonly T[], count: number): T[] {
  const left = [...pool];
  return Array.from({ length: count }, () => left.splice(random.integer(0, left.length - 1), 1)[0]);
}

function rankOf(values: number[], which: "max" | "min", nth = 0): number {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => which === "max" ? b.value - a.value : a.value - b.value);
  return order[nth].index;
}

function latencyBars(n: number): Figure {
  const random = seededRandom("images-latency", n);
  const services = pickDistinct(random, SERVICES, 5);
  const values = distinctValues(random, 5, 80, 900, 25);
  const rows = services.map((service, i) => ({ service, p95_ms: values[i] }));
  const top = rankOf(values, "max");
  const low = rankOf(values, "min");
  const asked = random.integer(0, 4);
  const spec = {
    ...BASE,
    title: `p95 latency by service, week ${n + 10}`,
    width: 250,
    height: 140,
    data: { values: rows },
    encoding: {
      x: { field: "service", type: "nominal", sort: null, axis: { labelAngle: 0, title: null } },
      y: { field: "p95_ms", type: "quantitative", title: "p95 latency (ms)" },
    },
    layer: [{ mark: { type: "bar", color: "#0072B2" } }, { mark: { type: "text", dy: -7 }, encoding: { text: { field: "p95_ms" } } }],
  } as unknown as ChartSpec;
  return {
    name: `latency-${n}`,
    spec,
    questions: [
      { question: "Which service had the highest p95 latency?", answer: services[top], wrong: services[rankOf(values, "max", 1)], numeric: false, tags: ["bar-chart", "max"] },
      { question: "Which service had the lowest p95 latency?", answer: services[low], wrong: services[rankOf(values, "min", 1)], numeric: false, tags: ["bar-chart", "min"] },
      {
        question: `What is the p95 latency of the ${services[asked]} service, in ms?`,
        answer: String(values[asked]),
        wrong: String(values[(asked + 1) % 5]),
        numeric: true,
        tags: ["bar-chart", "value"],
      },
    ],
  };
}

function monthlyLine(n: number): Figure {
  const random = seededRandom("images-monthly", n);
  const start = n % 2 === 0 ? 0 : 6;
  const months = MONTHS.slice(start, start + 6);
  const values = distinctValues(random, 6, 120, 980, 20);
  const rows = months.map((month, i) => ({ month, requests: values[i] }));
  const asked = random.integer(0, 5);
  const top = rankOf(values, "max");
  const spec = {
    ...BASE,
    title: `Requests per month, ${SERVICES[n]} (k)`,
    width: 250,
    height: 140,
    data: { values: rows },
    encoding: {
      x: { field: "month", type: "ordinal", sort: null, axis: { labelAngle: 0, title: null } },
      y: { field: "requests", type: "quantitative", title: "requests (thousands)" },
    },
    layer: [
      { mark: { type: "line", point: true, color: "#D55E00" } },
      { mark: { type: "text", dy: -9 }, encoding: { text: { field: "requests" } } },
    ],
  } as unknown as ChartSpec;
  return {
    name: `monthly-${n}`,
    spec,
    questions: [
      {
        question: `What is the value for ${MONTH_NAMES[start + asked]}, in thousands of requests?`,
        answer: String(values[asked]),
        wrong: String(values[asked === 5 ? 4 : asked + 1]),
        numeric: true,
        tags: ["line-chart", "value"],
      },
      {
        question: "In which month was the number of requests highest? Answer with the month as labelled.",
        answer: months[top],
        wrong: months[rankOf(values, "max", 1)],
        numeric: false,
        tags: ["line-chart", "max"],
      },
    ],
  };
}

function regionTable(n: number): Figure {
  const random = seededRandom("images-table", n);
  const regions = pickDistinct(random, REGIONS, 5);
  const errors = distinctValues(random, 5, 2, 95, 3).map((value) => value / 10);
  const requests = distinctValues(random, 5, 120, 990, 15);
  const cells = regions.flatMap((region, i) => [
    { row: i, column: "1 region", value: region },
    { row: i, column: "2 error rate %", value: errors[i].toFixed(1) },
    { row: i, column: "3 requests (k)", value: String(requests[i]) },
  ]);
  const asked = random.integer(0, 4);
  const top = rankOf(requests, "max");
  const spec = {
    ...BASE,
    title: `Regional health, day ${n + 3}`,
    width: 290,
    height: 130,
    data: { values: cells },
    mark: { type: "text", fontSize: 13 },
    encoding: {
      y: { field: "row", type: "ordinal", axis: null },
      x: {
        field: "column",
        type: "ordinal",
        axis: { orient: "top", title: null, labelAngle: 0, labelFontWeight: "bold", labelExpr: "slice(datum.label, 2)" },
      },
      text: { field: "value" },
    },
  } as unknown as ChartSpec;
  return {
    name: `table-${n}`,
    spec,
    questions: [
      {
        question: `What is the error rate of ${regions[asked]}, in percent?`,
        answer: errors[asked].toFixed(1),
        wrong: errors[(asked + 1) % 5].toFixed(1),
        numeric: true,
        tags: ["table", "value"],
      },
      {
        question: "Which region served the most requests?",
        answer: regions[top],
        wrong: regions[rankOf(requests, "max", 1)],
        numeric: false,
        tags: ["table", "max"],
      },
    ],
  };
}

function endpointErrors(n: number): Figure {
  const random = seededRandom("images-errors", n);
  const endpoints = pickDistinct(random, ENDPOINTS, 5);
  const values = distinctValues(random, 5, 3, 240, 9);
  const rows = endpoints.map((endpoint, i) => ({ endpoint, errors: values[i] }));
  const asked = random.integer(0, 4);
  const top = rankOf(values, "max");
  const spec = {
    ...BASE,
    title: `5xx errors by endpoint, v${n + 1}.${n * 3 + 2}`,
    width: 220,
    height: 130,
    data: { values: rows },
    encoding: {
      y: { field: "endpoint", type: "nominal", sort: null, axis: { title: null } },
      x: { field: "errors", type: "quantitative", title: "errors" },
    },
    layer: [{ mark: { type: "bar", color: "#009E73" } }, { mark: { type: "text", dx: 12 }, encoding: { text: { field: "errors" } } }],
  } as unknown as ChartSpec;
  return {
    name: `errors-${n}`,
    spec,
    questions: [
      { question: "Which endpoint had the most errors?", answer: endpoints[top], wrong: endpoints[rankOf(values, "max", 1)], numeric: false, tags: ["bar-chart", "max"] },
      {
        question: `How many errors did ${endpoints[asked]} have?`,
        answer: String(values[asked]),
        wrong: String(values[(asked + 1) % 5]),
        numeric: true,
        tags: ["bar-chart", "value"],
      },
    ],
  };
}

async function itemsOf(figure: Figure, firstIndex: number): Promise<DatasetItem[]> {
  const { png } = await renderChart(figure.spec);
  const data = Buffer.from(png).toString("base64");
  return figure.questions.map((question, offset) => ({
    id: `image-${String(firstIndex + offset + 1).padStart(3, "0")}`,
    kind: "image",
    messages: [
      { role: "system", content: SYSTEM },
      {
        role: "user",
        content: [
          { type: "image", media_type: "image/png", data },
          { type: "text", text: question.question },
        ],
      },
    ],
    reference: question.answer,
    distractor: question.wrong,
    scorer: question.numeric
      ? { name: "exact", expected: question.answer, normalize: "alnum", match: "contains", tolerance: 0 }
      : { name: "exact", expected: question.answer, normalize: "alnum", match: "contains" },
    tags: ["image", figure.name, ...question.tags],
  }));
}

const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" } }, strict: true });
const out = values.out ?? new URL("../datasets/images.jsonl", import.meta.url).pathname;
const figures = [
  ...[0, 1, 2, 3].map(latencyBars),
  ...[0, 1, 2, 3].map(monthlyLine),
  ...[0, 1, 2].map(regionTable),
  ...[0, 1, 2].map(endpointErrors),
];
const items: DatasetItem[] = [];
for (const figure of figures) items.push(...await itemsOf(figure, items.length));
await Deno.writeTextFile(out, items.map(formatItemLine).join("\n") + "\n");
const dataset = await loadDataset(out);
console.error(`wrote ${dataset.items.length} items from ${figures.length} figures to ${out}`);
