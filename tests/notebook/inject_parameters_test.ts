import assert from "node:assert/strict";
import { cellSource } from "../../lib/notebook/cell_source.ts";
import { injectParameters } from "../../lib/notebook/inject_parameters.ts";
import { parseRunnerArgs } from "../../lib/notebook/parse_runner_args.ts";
import { codeCell, markdownCell, notebookOf } from "./_notebook_fixture.ts";

const tagsOf = (cell: { metadata: { tags?: string[] } }) => cell.metadata.tags ?? [];

Deno.test("injection writes a --param path as a string const", () => {
  const { params } = parseRunnerArgs(["--param", "spec=specs/x.json"]);
  const notebook = injectParameters(notebookOf(codeCell('const spec = "specs/default.json";', ["parameters"])), params);

  const lines = cellSource(notebook.cells[1]).split("\n");
  assert.ok(lines.includes('const spec = "specs/x.json";'), lines.join("\n"));
});

Deno.test("injection writes numbers and booleans as JSON", () => {
  const { params } = parseRunnerArgs([
    "-p",
    "rows=500",
    "--param",
    "ratio=0.25",
    "--param",
    "verbose=true",
    "--param",
    "label=null",
  ]);
  const source = cellSource(injectParameters(notebookOf(codeCell("1")), params).cells[0]);

  assert.match(source, /^const rows = 500;$/m);
  assert.match(source, /^const ratio = 0\.25;$/m);
  assert.match(source, /^const verbose = true;$/m);
  assert.match(source, /^const label = null;$/m);
});

Deno.test("injection places the cell after the parameters cell", () => {
  const notebook = notebookOf(
    markdownCell("# Title"),
    codeCell("import x from 'y';"),
    codeCell("const spec = 'a';", ["parameters"]),
    codeCell("console.log(spec);"),
  );
  const injected = injectParameters(notebook, { spec: "b" });

  assert.equal(injected.cells.length, 5);
  assert.deepEqual(tagsOf(injected.cells[2]), ["parameters"]);
  assert.deepEqual(tagsOf(injected.cells[3]), ["injected-parameters"]);
  assert.equal(injected.cells[3].cell_type, "code");
  assert.equal(cellSource(injected.cells[4]), "console.log(spec);");
});

Deno.test("injection places the cell first without a parameters cell", () => {
  const injected = injectParameters(notebookOf(markdownCell("# Title"), codeCell("1")), { n: 1 });

  assert.deepEqual(tagsOf(injected.cells[0]), ["injected-parameters"]);
  assert.equal(injected.cells[1].cell_type, "markdown");
});

Deno.test("injection replaces an earlier injected cell", () => {
  const once = injectParameters(notebookOf(codeCell("const n = 1;", ["parameters"])), { n: 2 });
  const twice = injectParameters(once, { n: 3 });

  const injectedCells = twice.cells.filter((cell) => tagsOf(cell).includes("injected-parameters"));
  assert.equal(injectedCells.length, 1);
  assert.match(cellSource(injectedCells[0]), /const n = 3;/);
});

Deno.test("injection without parameters adds no cell", () => {
  const notebook = notebookOf(codeCell("const n = 1;", ["parameters"]));
  assert.equal(injectParameters(notebook, {}).cells.length, 1);
});

Deno.test("injection leaves the input notebook unchanged", () => {
  const notebook = notebookOf(codeCell("const n = 1;", ["parameters"]));
  injectParameters(notebook, { n: 2 });
  assert.equal(notebook.cells.length, 1);
});

Deno.test("injection rejects a name that is not an identifier", () => {
  assert.throws(
    () => injectParameters(notebookOf(codeCell("1")), { "max-rows": 3 }),
    /not a valid JavaScript identifier/,
  );
});
