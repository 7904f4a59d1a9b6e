import assert from "node:assert/strict";
import { join } from "node:path";
import type { CodeCell, Notebook } from "../../lib/notebook/notebook_types.ts";
import { openJupyterServer } from "../../lib/notebook/open_jupyter_server.ts";
import { readNotebook } from "../../lib/notebook/read_notebook.ts";
import { codeCell, notebookOf, writeNotebook } from "./_notebook_fixture.ts";

// These tests start a real Jupyter Server (installing Debian's packages first when missing
// and running as root) and real Deno kernels, and drive the CLI as a user would.

const PROJECT_ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const RUNNER = join(PROJECT_ROOT, "scripts", "notebooks.ts");
const DISPLAY_CHART = new URL("../../lib/notebook/display_chart.ts", import.meta.url).href;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function runCli(args: string[]): Promise<CliRun> {
  const started = performance.now();
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", RUNNER, ...args],
    cwd: PROJECT_ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
    ms: performance.now() - started,
  };
}

function codeCells(notebook: Notebook): CodeCell[] {
  return notebook.cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
}

function streamText(cell: CodeCell): string {
  return cell.outputs
    .filter((output) => output.output_type === "stream")
    .map((output) => Array.isArray(output.text) ? output.text.join("") : output.text)
    .join("");
}

const chartSpec = (title: string) =>
  JSON.stringify({
    title,
    data: { values: [{ k: "a", v: 1 }, { k: "b", v: 2 }] },
    mark: "bar",
    encoding: { x: { field: "k", type: "nominal" }, y: { field: "v", type: "quantitative" } },
  });

Deno.test("notebook runner on a real Jupyter Server", async (t) => {
  const server = await openJupyterServer({ projectRoot: PROJECT_ROOT });
  const serverArgs = ["--server", server.url, "--token", server.token];
  const dir = await Deno.makeTempDir({ prefix: "notebook-runner-test-" });
  const out = join(dir, "out");

  try {
    await t.step("failing cell stops the run", async () => {
      await writeNotebook(
        join(dir, "fails.ipynb"),
        notebookOf(
          codeCell('console.log("first");'),
          codeCell('throw new Error("boom in cell two");'),
          codeCell('console.log("third");'),
        ),
      );
      const run = await runCli(["fails", "--dir", dir, "--out", out, ...serverArgs]);

      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /notebook fails\.ipynb failed at cell 2: Error: boom in cell two/);
      assert.match(run.stderr, /Error: boom in cell two\n\s+at /, "traceback printed");

      const [first, second, third] = codeCells(await readNotebook(join(out, "fails.ipynb")));
      assert.equal(first.execution_count, 1);
      assert.equal(streamText(first), "first\n");
      assert.equal(second.execution_count, 2);
      assert.deepEqual(second.outputs.map((output) => output.output_type), ["error"]);
      assert.equal(third.execution_count, null);
      assert.deepEqual(third.outputs, []);
    });

    await t.step("three charts in one cell stay in order", async () => {
      await writeNotebook(
        join(dir, "charts.ipynb"),
        notebookOf(
          codeCell(`import { displayChart } from "${DISPLAY_CHART}";`),
          codeCell(["first", "second", "third"].map((title) => `await displayChart(${chartSpec(title)});`).join("\n")),
        ),
      );
      const run = await runCli(["charts", "--dir", dir, "--out", out, ...serverArgs]);
      assert.equal(run.code, 0, run.stderr);

      const outputs = codeCells(await readNotebook(join(out, "charts.ipynb")))[1].outputs;
      assert.deepEqual(outputs.map((output) => output.output_type), ["display_data", "display_data", "display_data"]);
      for (const [index, title] of ["first", "second", "third"].entries()) {
        const output = outputs[index];
        assert.ok(output.output_type === "display_data");
        assert.equal(output.data["text/plain"], title);
        assert.match(String(output.data["image/svg+xml"]), /^<svg/);
        assert.equal((output.data["application/vnd.vegalite.v5+json"] as { title: string }).title, title);
      }
    });

    await t.step("--param reaches the notebook", async () => {
      await writeNotebook(
        join(dir, "params.ipynb"),
        notebookOf(
          codeCell('const spec = "specs/default.json";\nconst repetitions = 1;', ["parameters"]),
          codeCell("console.log(`spec=${spec} repetitions=${repetitions} type=${typeof repetitions}`);"),
        ),
      );
      const run = await runCli([
        "params",
        "--dir",
        dir,
        "--out",
        out,
        "--param",
        "spec=specs/x.json",
        "--param",
        "repetitions=5",
        ...serverArgs,
      ]);
      assert.equal(run.code, 0, run.stderr);

      const executed = await readNotebook(join(out, "params.ipynb"));
      assert.deepEqual(executed.cells[1].metadata.tags, ["injected-parameters"]);
      const printed = streamText(codeCells(executed)[2]);
      assert.equal(printed, "spec=specs/x.json repetitions=5 type=number\n");
    });

    await t.step("slow cell fails on timeout", async () => {
      await writeNotebook(
        join(dir, "slow.ipynb"),
        notebookOf(codeCell("await new Promise((resolve) => setTimeout(resolve, 60_000));"), codeCell("1")),
      );
      const run = await runCli(["slow", "--dir", dir, "--out", out, "--timeout", "2", ...serverArgs]);

      assert.equal(run.code, 1, run.stderr);
      assert.match(
        run.stderr,
        /notebook slow\.ipynb failed at cell 1: CellTimeoutError: the cell did not finish within 2 s/,
      );
      assert.ok(run.ms < 30_000, `run took ${run.ms} ms`);
      assert.equal(codeCells(await readNotebook(join(out, "slow.ipynb")))[1].execution_count, null);
    });
  } finally {
    await server.stop();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("smoke notebook runs headless", async () => {
  const out = await Deno.makeTempDir({ prefix: "notebook-smoke-test-" });
  try {
    // Starts and stops its own Jupyter Server, as `deno task notebooks` does.
    const run = await runCli(["00_smoke", "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), join(out, "00_smoke.ipynb"));
    console.log(`smoke notebook: ${(run.ms / 1000).toFixed(1)} s (server start, kernel, cells, shutdown)`);

    const outputs = codeCells(await readNotebook(join(out, "00_smoke.ipynb"))).flatMap((cell) => cell.outputs);
    const bundles = outputs.map((output) => "data" in output ? output.data : {});
    const table = bundles.find((data) => String(data["text/html"] ?? "").includes('<table class="dataframe">'));
    assert.ok(table, "a DataFrame table output");
    assert.match(String(table["text/html"]), /showing 10 of 120 rows/);
    const chart = bundles.find((data) => "application/vnd.vegalite.v5+json" in data);
    assert.ok(chart, "a chart output");
    assert.match(String(chart["image/svg+xml"]), /^<svg/);
    assert.equal(outputs.filter((output) => output.output_type === "error").length, 0);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
