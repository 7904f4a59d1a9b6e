import assert from "node:assert/strict";
import { join } from "node:path";
import { readNotebook } from "../../lib/notebook/read_notebook.ts";
import { bundlesOf, codeCells, PROJECT_ROOT, runNotebookCli } from "./_notebook_cli.ts";

// Runs every committed notebook headless, in order, on a real Jupyter Server and Deno kernels,
// against the emulator. Runs, dry runs and reports go to a temporary folder through the
// `runs_dir` parameter, so reports/ stays untouched and 03–05 use the run 02 makes.

const NOTEBOOK_DIR = join(PROJECT_ROOT, "notebooks");

async function committedNotebooks(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOK_DIR)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
  }
  return names.sort();
}

Deno.test("all notebooks run headless on the emulator", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "all-notebooks-test-" });
  const out = join(dir, "out");
  try {
    // A cell that hangs fails the run after 240 s instead of the runner's default of 600 s.
    const run = await runNotebookCli(["--out", out, "--timeout", "240", "--param", `runs_dir=${join(dir, "runs")}`]);
    console.log(`all notebooks headless: ${(run.ms / 1000).toFixed(1)} s (server start, kernels, cells, shutdown)`);
    assert.equal(run.code, 0, run.stderr);

    const names = await committedNotebooks();
    assert.ok(names.length >= 6, `expected the smoke notebook and notebooks 01–05, found ${names.join(", ")}`);
    assert.deepEqual(run.stdout.trim().split("\n"), names.map((name) => join(out, name)));

    for (const name of names) {
      await t.step(`${name} has no error output`, async () => {
        const executed = await readNotebook(join(out, name));
        const errors = codeCells(executed).flatMap((cell) => cell.outputs.filter((o) => o.output_type === "error"));
        assert.deepEqual(errors, []);
        assert.equal((executed.metadata.notebook_run as { status: string }).status, "completed");
      });
      await t.step(`${name} ran every code cell`, async () => {
        const executed = await readNotebook(join(out, name));
        const skipped = codeCells(executed).filter((cell) => cell.execution_count === null).map((cell) => cell.id);
        assert.deepEqual(skipped, []);
      });
    }

    await t.step("03 shows a DataFrame table and a chart", async () => {
      const bundles = codeCells(await readNotebook(join(out, "03_analyse_run.ipynb"))).flatMap(bundlesOf);
      const table = bundles.find((data) => String(data["text/html"] ?? "").includes('<table class="dataframe">'));
      assert.ok(table, "a text/html DataFrame table");
      const chart = bundles.find((data) => "application/vnd.vegalite.v5+json" in data);
      assert.ok(chart, "a Vega-Lite chart output");
      assert.match(String(chart["image/svg+xml"]), /^<svg/);
    });

    await t.step("03 drills into one trial's events", async () => {
      const cell = codeCells(await readNotebook(join(out, "03_analyse_run.ipynb"))).find((c) => c.id === "trial");
      assert.ok(cell, "the trial cell");
      const captions = bundlesOf(cell).map((data) => String(data["text/plain"] ?? ""));
      assert.ok(captions.some((text) => /^\d+ stream events/.test(text)), captions.join("\n---\n"));
    });

    await t.step("04 previews the report's tables", async () => {
      const bundles = codeCells(await readNotebook(join(out, "04_build_report.ipynb"))).flatMap(bundlesOf);
      const tables = bundles.filter((data) => /^<table id="/.test(String(data["text/html"] ?? "")));
      assert.ok(tables.length > 0, "at least one table cut out of report.html");
    });

    await t.step("05 charts the version change", async () => {
      const bundles = codeCells(await readNotebook(join(out, "05_new_model_version.ipynb"))).flatMap(bundlesOf);
      const chart = bundles.find((data) => data["text/plain"] === "Version-to-version changes with 95% intervals");
      assert.ok(chart, "the version deltas chart");
      assert.match(String(chart["image/svg+xml"]), /^<svg/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
