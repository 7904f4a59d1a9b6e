import assert from "node:assert/strict";
import { join } from "node:path";
import { findDirtyCells } from "../../lib/notebook/find_dirty_cells.ts";
import type { Cell } from "../../lib/notebook/notebook_types.ts";
import { codeCell, markdownCell, notebookOf, writeNotebook } from "./_notebook_fixture.ts";

const SCRIPT = new URL("../../scripts/check_notebooks_clean.ts", import.meta.url).pathname;
const NOTEBOOKS = new URL("../../notebooks/", import.meta.url).pathname;

function executedCell(source: string, count: number): Cell {
  return {
    ...codeCell(source),
    execution_count: count,
    outputs: [{ output_type: "stream", name: "stdout", text: "1\n" }],
  } as Cell;
}

async function runCheck(dir: string): Promise<{ code: number; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", SCRIPT, dir],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: output.code, stderr: new TextDecoder().decode(output.stderr) };
}

Deno.test("dirty cells list outputs and counts", () => {
  const notebook = notebookOf(markdownCell("# T"), codeCell("1"), executedCell("console.log(1)", 4));
  assert.deepEqual(findDirtyCells(notebook), [{ cell: 3, problems: ["1 output", "execution count 4"] }]);
});

Deno.test("dirty cells find a count without outputs", () => {
  const cell = { ...codeCell("const a = 1;"), execution_count: 2 } as Cell;
  assert.deepEqual(findDirtyCells(notebookOf(cell)), [{ cell: 1, problems: ["execution count 2"] }]);
});

Deno.test("dirty cells are empty for a clean notebook", () => {
  assert.deepEqual(findDirtyCells(notebookOf(markdownCell("# T"), codeCell("1"))), []);
});

Deno.test("clean check names the dirty notebook and cell", async () => {
  const dir = await Deno.makeTempDir();
  await writeNotebook(join(dir, "a_clean.ipynb"), notebookOf(codeCell("1")));
  await writeNotebook(join(dir, "b_dirty.ipynb"), notebookOf(codeCell("1"), executedCell("console.log(1)", 1)));

  const { code, stderr } = await runCheck(dir);
  assert.equal(code, 1);
  assert.match(stderr, /b_dirty\.ipynb: cell 2 has 1 output and execution count 1/);
  assert.doesNotMatch(stderr, /a_clean\.ipynb/);
});

Deno.test("clean check passes clean notebooks", async () => {
  const dir = await Deno.makeTempDir();
  await writeNotebook(join(dir, "a.ipynb"), notebookOf(markdownCell("# T"), codeCell("1")));

  const { code, stderr } = await runCheck(dir);
  assert.equal(code, 0, stderr);
});

Deno.test("committed notebooks carry no results", async () => {
  const { code, stderr } = await runCheck(NOTEBOOKS);
  assert.equal(code, 0, stderr);
});
