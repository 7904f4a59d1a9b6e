import assert from "node:assert/strict";
import { loadSpec, parseSpec } from "../../lib/spec/load_spec.ts";
import { SpecError } from "../../lib/spec/spec_error.ts";

const DEFAULT_SPEC = new URL("../../specs/default.json", import.meta.url).pathname;

async function writeSpec(value: unknown): Promise<string> {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

async function rejection(path: string): Promise<SpecError> {
  try {
    await loadSpec(path);
  } catch (error) {
    assert.ok(error instanceof SpecError, `expected SpecError, got ${error}`);
    return error;
  }
  assert.fail(`spec ${path} was accepted`);
}

Deno.test("default spec covers the seed comparison", async () => {
  const spec = await loadSpec(DEFAULT_SPEC);
  for (const model of ["openai:gpt-4o", "google:gemini-2.5-flash", "google:gemini-2.5-pro"]) {
    assert.ok(spec.models.includes(model), `default spec lacks ${model}`);
  }
  assert.ok(spec.models.some((model) => model.startsWith("anthropic:claude-sonnet")));
  assert.ok(spec.datasets.length >= 3);
});

Deno.test("spec defaults are filled in", () => {
  const spec = parseSpec({ name: "small", models: ["openai:gpt-4o"], datasets: ["json-extraction"] });
  assert.equal(spec.repetitions, 1);
  assert.equal(spec.temperature, 0);
  assert.equal(spec.endpoint, "auto");
  assert.equal(spec.timeouts.first_token_ms, 60_000);
  assert.equal(spec.budget_usd, null);
});

Deno.test("spec with bad field names file, field and fix", async () => {
  const base = JSON.parse(await Deno.readTextFile(DEFAULT_SPEC));
  const path = await writeSpec({ ...base, concurrency: 0 });
  const error = await rejection(path);
  assert.equal(error.file, path);
  assert.equal(error.field, "concurrency");
  assert.match(error.message, new RegExp(`spec ${path}`));
  assert.match(error.message, /field "concurrency"/);
  assert.match(error.message, /got 0/);
  assert.match(error.message, /Fix: use a whole number from 1 to 4096/);
});

Deno.test("spec with bad model ref names the index", async () => {
  const path = await writeSpec({ name: "x", models: ["openai:gpt-4o", "gpt-4o"], datasets: ["json-extraction"] });
  const error = await rejection(path);
  assert.equal(error.field, "models[1]");
  assert.match(error.message, /"provider:model"/);
  assert.match(error.message, /got "gpt-4o"/);
});

Deno.test("spec with misspelt field is rejected", async () => {
  const path = await writeSpec({ name: "x", models: ["openai:gpt-4o"], datasets: ["a"], concurency: 4 });
  const error = await rejection(path);
  assert.equal(error.field, "concurency");
  assert.match(error.message, /is not a known field/);
  assert.match(error.message, /correct its spelling/);
});

Deno.test("spec with nested bad field gives its path", async () => {
  const path = await writeSpec({
    name: "x",
    models: ["openai:gpt-4o"],
    datasets: ["a"],
    timeouts: { first_token_ms: 5000, total_ms: 1000 },
  });
  const error = await rejection(path);
  assert.equal(error.field, "timeouts.first_token_ms");
  assert.match(error.message, /must not exceed total_ms/);
});

Deno.test("spec with invalid JSON is rejected", async () => {
  const error = await rejection(await writeSpec("{ \"name\": "));
  assert.match(error.message, /invalid JSON/);
});

Deno.test("missing spec file is rejected", async () => {
  const error = await rejection("/nonexistent/spec.json");
  assert.match(error.message, /cannot be read/);
  assert.match(error.message, /Fix: pass the path of an existing JSON spec file/);
});
