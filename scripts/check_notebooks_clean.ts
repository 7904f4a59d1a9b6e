/**
 * Checks that the committed notebooks under notebooks/ carry no outputs and no execution
 * counts. Prints one line per dirty cell to stderr and exits 1 when any is found.
 *
 * Usage: deno run -A scripts/check_notebooks_clean.ts [DIR]   (DIR defaults to notebooks/)
 */
import { join } from "node:path";
import { findDirtyCells } from "../lib/notebook/find_dirty_cells.ts";
import { readNotebook } from "../lib/notebook/read_notebook.ts";

const dir = Deno.args[0] ?? new URL("../notebooks/", import.meta.url).pathname;
const names: string[] = [];
for await (const entry of Deno.readDir(dir)) {
  if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
}
names.sort();

let dirtyCount = 0;
for (const name of names) {
  const path = join(dir, name);
  for (const dirty of findDirtyCells(await readNotebook(path))) {
    dirtyCount++;
    console.error(`${path}: cell ${dirty.cell} has ${dirty.problems.join(" and ")}`);
  }
}

if (dirtyCount > 0) {
  console.error(
    `${dirtyCount} cell(s) carry results; clear them before committing (Jupyter: Edit → Clear All Outputs, then save)`,
  );
  Deno.exit(1);
}
console.error(`${names.length} notebook(s) in ${dir} are clean`);
