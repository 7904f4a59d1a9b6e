import assert from "node:assert/strict";
import { join } from "node:path";
import { cellSource } from "../../lib/notebook/cell_source.ts";
import { readNotebook } from "../../lib/notebook/read_notebook.ts";
import { bundlesOf, codeCells, runNotebookCli } from "./_notebook_cli.ts";

// A spec that differs from specs/default.json in name and model, so its effects show in the
// executed notebook: one emulated model, one dataset.
const PROBE_SPEC = {
  name: "param-probe",
  models: ["openai:gpt-4o-mini"],
  datasets: ["json-extraction"],
  items_per_dataset: 1,
  endpoint: "emulator",
};

Deno.test("02 runs the spec named by --param spec_path", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-spec-param-test-" });
  const specPath = join(dir, "param-probe.json");
  const runsDir = join(dir, "runs");
  const out = join(dir, "out");
  try {
    await Deno.writeTextFile(specPath, JSON.stringify(PROBE_SPEC));
    const run = await runNotebookCli([
      "02_run_matrix",
      "--out",
      out,
      "--param",
      `spec_path=${specPath}`,
      "--param",
      `runs_dir=${runsDir}`,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const executed = await readNotebook(join(out, "02_run_matrix.ipynb"));
    const cells = codeCells(executed);

    await t.step("the injected cell declares the path", () => {
      const injected = cells.find((cell) => cell.metadata.tags?.includes("injected-parameters"));
      assert.ok(injected, "an injected-parameters cell");
      assert.ok(cellSource(injected).includes(`const spec_path = ${JSON.stringify(specPath)};`), cellSource(injected));
    });

    await t.step("the spec cell names the file and the spec", () => {
      const specCell = cells.find((cell) => cell.id === "spec");
      assert.ok(specCell, "the spec cell");
      const text = bundlesOf(specCell).map((data) => String(data["text/plain"] ?? "")).join("\n");
      assert.ok(text.includes(`Spec \`${specPath}\` (name **param-probe**)`), text);
    });

    await t.step("the run follows the spec", async () => {
      const runIds = (await Array.fromAsync(Deno.readDir(runsDir))).map((entry) => entry.name);
      assert.equal(runIds.length, 1, runIds.join(", "));
      assert.match(runIds[0], /^param-probe-/);
      const trials = (await Deno.readTextFile(join(runsDir, runIds[0], "trials.jsonl"))).trim().split("\n");
      const models = new Set(trials.map((line) => JSON.parse(line).model));
      assert.deepEqual([...models], ["openai:gpt-4o-mini"]);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
